import { apiRoute } from "@/lib/server/api-route";
import { requireApiUser } from "@/lib/server/auth/session";
import { buildSchoolTemplate } from "@/lib/server/org/school-sheet";
import { fileResponse, OFFICE } from "@/lib/server/rectification/http";

export const dynamic = "force-dynamic";

/** The import template (.xlsx): Chinese headers, one filled example row, the allowed values. */
export const GET = apiRoute(async function GET(request: Request): Promise<Response> {
  const { error } = await requireApiUser(request, OFFICE);
  if (error) return error;
  return fileResponse(await buildSchoolTemplate(), {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    filename: "学校导入模板.xlsx",
    fallback: "school-import-template.xlsx",
    disposition: "attachment",
  });
});
