import { templateContracts } from "@/lib/contracts/templates";
import { mapOutcome } from "@/lib/domain/refusal";
import { contractRoute, signedIn } from "@/lib/server/contract-route";
import { getDb } from "@/lib/server/db/client";
import { templateRepository } from "@/lib/server/repositories/template-repository";
import { ownerForWrite, TEMPLATE_EDITORS, templateRefFrom } from "@/lib/server/templates/http";
import { systemClock } from "@/lib/utils/clock";

export const dynamic = "force-dynamic";

/**
 * Stops offering a published version to new visits; visits pinned to it keep it. Only the owner's
 * office may (admin for the national library).
 */
export const POST = contractRoute(
  templateContracts.retire,
  signedIn(TEMPLATE_EDITORS),
  async ({ caller: { user }, params }) => {
    const path = templateRefFrom(params);
    if (!path.ok) return path;
    const db = getDb();
    const target = await ownerForWrite(db, user, path.ref.code);
    if (!target.ok) return target;
    const { code, version } = path.ref;
    const retired = await templateRepository.retire(db, code, version, systemClock.now());
    return mapOutcome(retired, (template) => ({ template }));
  },
);
