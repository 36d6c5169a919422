import { schoolContracts } from "@/lib/contracts/schools";
import { schoolImportRoute } from "@/lib/server/org/school-http";

export const dynamic = "force-dynamic";

/**
 * Imports the uploaded .xlsx or CSV: when every row is valid, creates or updates each school by its
 * code in one transaction (201); otherwise 422 with every error and nothing written.
 */
export const POST = schoolImportRoute(schoolContracts.importFile, true);
