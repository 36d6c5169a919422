import { analyticsContracts } from "@/lib/contracts/analytics";
import { done } from "@/lib/domain/refusal";
import { getDashboard } from "@/lib/server/analytics/dashboard";
import { contractRoute, signedIn } from "@/lib/server/contract-route";
import { getDb } from "@/lib/server/db/client";
import { OFFICE } from "@/lib/server/rectification/http";
import { systemClock } from "@/lib/utils/clock";

export const dynamic = "force-dynamic";

/**
 * The office's figures (closure, on-time, days to close, overdue ageing, breakdowns, trend, repeat
 * findings, coverage), computed in SQL for the user's scope and the combined filters.
 */
export const GET = contractRoute(
  analyticsContracts.dashboard,
  signedIn(OFFICE),
  async ({ caller, query }) =>
    done(await getDashboard(getDb(), caller.user, query, systemClock.now())),
);
