import { schoolContracts } from "@/lib/contracts/schools";
import { schoolActiveRoute } from "@/lib/server/org/school-http";

export const dynamic = "force-dynamic";

/** Reactivates a school: it returns to packs and new visits. */
export const POST = schoolActiveRoute(schoolContracts.reactivate, true);
