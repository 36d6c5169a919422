import { monthSchema } from "@/lib/domain/analytics/filters";
import { refusal } from "@/lib/domain/refusal";
import { bulletinPdfFor } from "@/lib/server/analytics/ranking";
import { apiRoute } from "@/lib/server/api-route";
import { requireApiUser } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { fileResponse } from "@/lib/server/rectification/http";
import { refusalResponse } from "@/lib/server/refusal";
import { systemClock } from "@/lib/utils/clock";

export const dynamic = "force-dynamic";

/** GET ?month=2026-03: the month's 督导通报 (ranking and circular) as an A4 PDF download. */
export const GET = apiRoute(async function GET(request: Request): Promise<Response> {
  const { user, error } = await requireApiUser(request, ["office", "admin"]);
  if (error) return error;
  const month = monthSchema.safeParse(new URL(request.url).searchParams.get("month") ?? "");
  if (!month.success) return refusalResponse(refusal("invalid_input", "请选择月份（YYYY-MM）"));
  const result = await bulletinPdfFor(getDb(), user, month.data, systemClock.now());
  if (result === null)
    return refusalResponse(refusal("forbidden", "通报由区县督导室发布，请以区县督导室账号下载"));
  return fileResponse(result.pdf, {
    type: "application/pdf",
    filename: result.filename,
    fallback: `bulletin-${month.data}.pdf`,
    disposition: "attachment",
  });
});
