import { analyticsContracts } from "@/lib/contracts/analytics";
import { refused } from "@/lib/domain/refusal";
import { bulletinPdfFor } from "@/lib/server/analytics/ranking";
import { contractRoute, signedIn } from "@/lib/server/contract-route";
import { getDb } from "@/lib/server/db/client";
import { fileResponse } from "@/lib/server/rectification/http";
import { systemClock } from "@/lib/utils/clock";

export const dynamic = "force-dynamic";

/** ?month=2026-03: the month's 督导通报 (ranking and circular) as an A4 PDF download. */
export const GET = contractRoute(
  analyticsContracts.bulletin,
  signedIn(["office", "admin"]),
  async ({ caller, query: { month } }) => {
    const result = await bulletinPdfFor(getDb(), caller.user, month, systemClock.now());
    if (result === null)
      return refused("forbidden", "通报由区县督导室发布，请以区县督导室账号下载");
    return fileResponse(result.pdf, {
      type: "application/pdf",
      filename: result.filename,
      fallback: `bulletin-${month}.pdf`,
      disposition: "attachment",
    });
  },
);
