import { templateContracts } from "@/lib/contracts/templates";
import { mapOutcome } from "@/lib/domain/refusal";
import { contractRoute } from "@/lib/server/contract-route";
import { getDb } from "@/lib/server/db/client";
import { templateRepository } from "@/lib/server/repositories/template-repository";
import { districtOffice, nationalTemplateRefusal } from "@/lib/server/templates/http";
import { systemClock } from "@/lib/utils/clock";

export const dynamic = "force-dynamic";

/**
 * Adopts a national template for the office's district at a version (the newest when the body names
 * none), or moves the adoption forward to a newer one: what the district's new visits get.
 */
export const POST = contractRoute(
  templateContracts.adopt,
  districtOffice,
  async ({ caller: { user, districtId }, params: { code }, body }) => {
    const own = "本区自己的检查表无需采用，发布后即可使用";
    const refused = await nationalTemplateRefusal(user, code, own);
    if (refused) return refused;
    const now = systemClock.now();
    const adopted = await templateRepository.adopt(
      getDb(),
      districtId,
      code,
      body.version ?? null,
      {
        now,
        userId: user.id,
      },
    );
    return mapOutcome(adopted, (adoption) => ({ adoption }));
  },
);

/** Stops using a national template in the office's district; visits already pinned keep it. */
export const DELETE = contractRoute(
  templateContracts.withdraw,
  districtOffice,
  async ({ caller: { districtId }, params: { code } }) =>
    mapOutcome(await templateRepository.withdraw(getDb(), districtId, code), (withdrawn) => ({
      withdrawn,
    })),
);
