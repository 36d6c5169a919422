import { schoolContracts } from "@/lib/contracts/schools";
import { contractRoute, signedIn } from "@/lib/server/contract-route";
import { buildSchoolTemplate } from "@/lib/server/org/school-sheet";
import { fileResponse, OFFICE } from "@/lib/server/rectification/http";

export const dynamic = "force-dynamic";

/** The import template (.xlsx): Chinese headers, one filled example row, the allowed values. */
export const GET = contractRoute(schoolContracts.importTemplate, signedIn(OFFICE), async () =>
  fileResponse(await buildSchoolTemplate(), {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    filename: "学校导入模板.xlsx",
    fallback: "school-import-template.xlsx",
    disposition: "attachment",
  }),
);
