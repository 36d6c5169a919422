import { schoolContracts } from "@/lib/contracts/schools";
import { schoolActiveRoute } from "@/lib/server/org/school-http";

export const dynamic = "force-dynamic";

/** Deactivates a school (never deleted): it leaves packs and new visits, its history stays. */
export const POST = schoolActiveRoute(schoolContracts.deactivate, false);
