import { templateContracts } from "@/lib/contracts/templates";
import { mapOutcome } from "@/lib/domain/refusal";
import { contractRoute } from "@/lib/server/contract-route";
import { getDb } from "@/lib/server/db/client";
import { templateRepository } from "@/lib/server/repositories/template-repository";
import { districtOffice, nationalTemplateRefusal } from "@/lib/server/templates/http";

export const dynamic = "force-dynamic";

/**
 * 复制为本区清单: copies a national version into a new template of the office's district, as a
 * draft (201 with it) that the office edits and publishes as its own.
 */
export const POST = contractRoute(
  templateContracts.fork,
  districtOffice,
  async ({ caller: { user, districtId }, params: { code }, body }) => {
    const own = "本区自己的检查表可直接编辑新版本，无需复制";
    const refused = await nationalTemplateRefusal(user, code, own);
    if (refused) return refused;
    const ref = { code, version: body.version };
    const forked = await templateRepository.fork(getDb(), districtId, ref, user.id);
    return mapOutcome(forked, (draft) => ({ draft }));
  },
);
