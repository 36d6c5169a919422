import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { dashboardFiltersSchema } from "@/lib/domain/analytics/filters";
import { toChinaDate } from "@/lib/domain/dates";
import { monthOf } from "@/lib/domain/month";
import { setupSteps } from "@/lib/domain/org/setup";
import { getDashboard } from "@/lib/server/analytics/dashboard";
import { filterOptions } from "@/lib/server/analytics/options";
import { requirePageUser } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { setupFactsOf } from "@/lib/server/org/setup";
import { systemClock } from "@/lib/utils/clock";
import { readPageQuery, type SearchParams } from "@/lib/utils/search-params";

import { DashboardFilterBar } from "@/components/analytics/dashboard-filters";
import { DashboardView } from "@/components/analytics/dashboard-view";
import { SetupReminder } from "@/components/setup/setup-checklist";
import { PageHeader } from "@/components/shell/page-header";
import { linkButtonClass } from "@/components/templates/link-button";
import { InvalidQuery } from "@/components/ui/invalid-query";

export const metadata: Metadata = { title: "总览" };

export default async function OfficeHome({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePageUser(["office", "city", "admin"]);
  const db = getDb();
  // A 市级督导室 reads; setting a district up is the office's and the admin's job.
  const facts = user.role === "city" ? null : await setupFactsOf(db, user, undefined);
  // A real deployment's first sign-in: nothing exists yet, so the setup flow is the home page.
  if (facts && !facts.district) redirect("/office/setup");
  const { query: filters, invalid } = await readPageQuery(searchParams, dashboardFiltersSchema);
  const now = systemClock.now();
  const [dashboard, options] = await Promise.all([
    filters ? getDashboard(db, user, filters, now) : null,
    filterOptions(db, user, filters?.zone),
  ]);
  const today = toChinaDate(now);
  const month = dashboard?.month ?? monthOf(today);
  return (
    <>
      <PageHeader
        title="总览"
        description={`整改进展，截至 ${today}`}
        actions={
          <a href={`/office/ranking?month=${month}`} className={linkButtonClass()}>
            月度排名与通报
          </a>
        }
      />
      {facts ? <SetupReminder steps={setupSteps(facts)} /> : null}
      <div className="space-y-6">
        <DashboardFilterBar filters={filters ?? {}} {...options} />
        <InvalidQuery message={invalid} path="/office" />
        {dashboard && filters ? <DashboardView data={dashboard} filters={filters} /> : null}
      </div>
    </>
  );
}
