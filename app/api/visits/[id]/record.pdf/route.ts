import { apiRoute } from "@/lib/server/api-route";
import { requireApiUser } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { visitRecordPdfFor } from "@/lib/server/documents/documents";
import { fileResponse, type IdParams } from "@/lib/server/rectification/http";
import { refusalResponse } from "@/lib/server/refusal";

export const dynamic = "force-dynamic";

/** The 督导检查记录 of a submitted visit as an A4 PDF: its office, its inspectors and the school itself. */
export const GET = apiRoute(async function GET(
  request: Request,
  { params }: { params: IdParams },
): Promise<Response> {
  const { user, error } = await requireApiUser(request);
  if (error) return error;
  const result = await visitRecordPdfFor(getDb(), user, (await params).id);
  if (!result.ok) return refusalResponse(result);
  return fileResponse(result.pdf, {
    type: "application/pdf",
    filename: result.filename,
    fallback: "visit-record.pdf",
    disposition: "inline",
  });
});
