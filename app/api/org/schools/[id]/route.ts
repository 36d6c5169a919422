import { schoolContracts } from "@/lib/contracts/schools";
import { schoolInputSchema } from "@/lib/domain/org/org.schema";
import { contractRoute, invalidIssues, signedIn } from "@/lib/server/contract-route";
import { getDb } from "@/lib/server/db/client";
import { findManagedSchool, schoolAnswer, updateSchool } from "@/lib/server/org/schools";
import { OFFICE } from "@/lib/server/rectification/http";

export const dynamic = "force-dynamic";

const office = signedIn(OFFICE);

export const GET = contractRoute(schoolContracts.get, office, async ({ caller, params }) =>
  schoolAnswer(await findManagedSchool(getDb(), caller.user, params.id, "read")),
);

/** Edits a school: the fields sent replace the stored ones, and the result must be a valid school. */
export const PATCH = contractRoute(
  schoolContracts.update,
  office,
  async ({ caller, params, body }) => {
    const db = getDb();
    const found = await findManagedSchool(db, caller.user, params.id, "write");
    if ("refusal" in found) return schoolAnswer(found);
    const input = schoolInputSchema.safeParse({ ...found.school, ...body });
    if (!input.success) return invalidIssues(input.error);
    return schoolAnswer(await updateSchool(db, caller.user, params.id, input.data));
  },
);
