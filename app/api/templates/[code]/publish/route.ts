import { templateContracts } from "@/lib/contracts/templates";
import { mapOutcome } from "@/lib/domain/refusal";
import { contractRoute, signedIn } from "@/lib/server/contract-route";
import { getDb } from "@/lib/server/db/client";
import { templateRepository } from "@/lib/server/repositories/template-repository";
import { ownerForWrite, TEMPLATE_EDITORS } from "@/lib/server/templates/http";
import { systemClock } from "@/lib/utils/clock";

export const dynamic = "force-dynamic";

/** Publishes the code's draft as a new immutable version (201 with it); only its owner's office may. */
export const POST = contractRoute(
  templateContracts.publish,
  signedIn(TEMPLATE_EDITORS),
  async ({ caller: { user }, params: { code } }) => {
    const db = getDb();
    const target = await ownerForWrite(db, user, code);
    if (!target.ok) return target;
    const published = await templateRepository.publish(db, code, {
      now: systemClock.now(),
      userId: user.id,
    });
    return mapOutcome(published, (template) => ({ template }));
  },
);
