import { schoolContracts } from "@/lib/contracts/schools";
import { schoolImportRoute } from "@/lib/server/org/school-http";

export const dynamic = "force-dynamic";

/** Checks the uploaded file without writing: every error, or how many schools it creates and updates. */
export const POST = schoolImportRoute(schoolContracts.importPreview, false);
