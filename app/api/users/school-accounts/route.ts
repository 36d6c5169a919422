import { orgContracts } from "@/lib/contracts/org";
import { orgRoute } from "@/lib/server/org/http";
import { createSchoolAccounts } from "@/lib/server/org/people-service";

export const dynamic = "force-dynamic";

/**
 * One account per school lacking one (the listed schools, or all of a district), each with a
 * one-time password in this answer only; POST them to ./credential-sheet for the printable sheet.
 */
export const POST = orgRoute(orgContracts.createSchoolAccounts, ({ db, user, scope, body, now }) =>
  createSchoolAccounts(db, user, scope, body, now),
);
