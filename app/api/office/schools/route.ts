import { schoolContracts } from "@/lib/contracts/schools";
import { done } from "@/lib/domain/refusal";
import { scopedSchoolIds } from "@/lib/server/auth/scope";
import { contractRoute, signedIn } from "@/lib/server/contract-route";
import { getDb } from "@/lib/server/db/client";
import { schoolRepository } from "@/lib/server/repositories/org/school-repository";

export const dynamic = "force-dynamic";

/** The office's schools (its district). */
export const GET = contractRoute(
  schoolContracts.inScope,
  signedIn(["office", "city", "admin"]),
  async ({ caller: { user } }) => {
    const db = getDb();
    return done({ schools: await schoolRepository.listByIds(db, await scopedSchoolIds(db, user)) });
  },
);
