import { OK } from "@/lib/contracts/contract";
import { orgContracts } from "@/lib/contracts/org";
import { mapOutcome } from "@/lib/domain/refusal";
import { orgRoute } from "@/lib/server/org/http";
import { moveSchool, schoolAnswer } from "@/lib/server/org/schools";

export const dynamic = "force-dynamic";

/** Moves a school to another 督学责任区 of its district; its inspectors follow the zone. */
export const PUT = orgRoute(orgContracts.moveSchool, async ({ db, user, params, body, now }) =>
  mapOutcome(schoolAnswer(await moveSchool(db, user, params.id, body.zoneId, now)), () => OK),
);
