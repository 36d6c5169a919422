import { orgContracts } from "@/lib/contracts/org";
import { READ_ONLY_MESSAGE } from "@/lib/domain/org/org-scope";
import { refusal } from "@/lib/domain/refusal";
import { contractRoute, type Guard } from "@/lib/server/contract-route";
import { serverEnv } from "@/lib/server/env";
import { buildCredentialSheet } from "@/lib/server/org/credential-sheet";
import { orgCaller } from "@/lib/server/org/http";
import { fileResponse } from "@/lib/server/rectification/http";
import { refusalResponse } from "@/lib/server/refusal";

export const dynamic = "force-dynamic";

/** A 市级督导室 reads accounts but opens none, so it has no sheet to print (refused before the body). */
const writer: Guard<Awaited<ReturnType<typeof orgCaller>> & { ok: true }> = async (request) => {
  const caller = await orgCaller(request);
  if (caller.ok && caller.scope.kind === "districts" && !caller.scope.writable) {
    return { ok: false, response: refusalResponse(refusal("forbidden", READ_ONLY_MESSAGE)) };
  }
  return caller;
};

/**
 * The printable sheet (xlsx) of the credentials the caller was just shown. The server keeps no
 * passwords, so the browser sends them back; the sheet only formats them.
 */
export const POST = contractRoute(orgContracts.credentialSheet, writer, async ({ body }) => {
  const bytes = await buildCredentialSheet(body.rows, `${serverEnv().baseUrl}/login`);
  return fileResponse(bytes, {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    filename: "学校账号.xlsx",
    fallback: "school-accounts.xlsx",
    disposition: "attachment",
  });
});
