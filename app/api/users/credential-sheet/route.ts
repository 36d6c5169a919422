import { READ_ONLY_MESSAGE } from "@/lib/domain/org/org-scope";
import { credentialSheetInputSchema } from "@/lib/domain/org/people";
import { refusal } from "@/lib/domain/refusal";
import { apiRoute } from "@/lib/server/api-route";
import { serverEnv } from "@/lib/server/env";
import { buildCredentialSheet } from "@/lib/server/org/credential-sheet";
import { orgCaller, parseBody } from "@/lib/server/org/http";
import { fileResponse } from "@/lib/server/rectification/http";
import { refusalResponse } from "@/lib/server/refusal";

export const dynamic = "force-dynamic";

/**
 * The printable sheet (xlsx) of the credentials the caller was just shown. The server keeps no
 * passwords, so the browser sends them back; the sheet only formats them.
 */
export const POST = apiRoute(async function POST(request: Request): Promise<Response> {
  const caller = await orgCaller(request);
  if (!caller.ok) return caller.response;
  if (caller.scope.kind === "districts" && !caller.scope.writable) {
    return refusalResponse(refusal("forbidden", READ_ONLY_MESSAGE));
  }
  const body = await parseBody(request, credentialSheetInputSchema);
  if (!body.ok) return body.response;
  const bytes = await buildCredentialSheet(body.data.rows, `${serverEnv().baseUrl}/login`);
  return fileResponse(bytes, {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    filename: "学校账号.xlsx",
    fallback: "school-accounts.xlsx",
    disposition: "attachment",
  });
});
