import { schoolContracts } from "@/lib/contracts/schools";
import { done } from "@/lib/domain/refusal";
import { contractRoute, signedIn } from "@/lib/server/contract-route";
import { getDb } from "@/lib/server/db/client";
import { createSchool, listSchools, schoolAnswer } from "@/lib/server/org/schools";
import { OFFICE } from "@/lib/server/rectification/http";

export const dynamic = "force-dynamic";

const office = signedIn(OFFICE);

/** One page of the district's schools: search, filter by zone, stage and active, page. */
export const GET = contractRoute(schoolContracts.list, office, async ({ caller, query }) => {
  const { active, ...rest } = query;
  const filter = { ...rest, active: active === undefined ? undefined : active === "true" };
  return done(await listSchools(getDb(), caller.user, filter));
});

/** Creates a school in the office's district (an admin names the district). */
export const POST = contractRoute(schoolContracts.create, office, async ({ caller, body }) => {
  const { districtId, ...input } = body;
  return schoolAnswer(await createSchool(getDb(), caller.user, districtId, input));
});
