import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { parseDashboardFilters } from "@/lib/domain/analytics/filters";
import { setupSteps } from "@/lib/domain/org/setup";
import { getDashboard } from "@/lib/server/analytics/dashboard";
import { filterOptions } from "@/lib/server/analytics/options";
import { requirePageUser } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { setupFactsOf } from "@/lib/server/org/setup";
import { systemClock } from "@/lib/utils/clock";

import { DashboardFilterBar } from "@/components/analytics/dashboard-filters";
import { DashboardView } from "@/components/analytics/dashboard-view";
import { SetupReminder } from "@/components/setup/setup-checklist";
import { PageHeader } from "@/components/shell/page-header";
import { linkButtonClass } from "@/components/templates/link-button";

export const metadata: Metadata = { title: "总览" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function OfficeHome({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePageUser(["office", "city", "admin"]);
  const db = getDb();
  // A 市级督导室 reads; setting a district up is the office's and the admin's job.
  const facts = user.role === "city" ? null : await setupFactsOf(db, user, undefined);
  // A real deployment's first sign-in: nothing exists yet, so the setup flow is the home page.
  if (facts && !facts.district) redirect("/office/setup");
  const raw = await searchParams;
  const { filters } = parseDashboardFilters(
    Object.fromEntries(
      Object.entries(raw).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]),
    ),
  );
  const [dashboard, options] = await Promise.all([
    getDashboard(db, user, filters, systemClock.now()),
    filterOptions(db, user, filters.zone),
  ]);
  return (
    <>
      <PageHeader
        title="总览"
        description={`整改进展，截至 ${dashboard.today}`}
        actions={
          <a href={`/office/ranking?month=${dashboard.month}`} className={linkButtonClass()}>
            月度排名与通报
          </a>
        }
      />
      {facts ? <SetupReminder steps={setupSteps(facts)} /> : null}
      <div className="space-y-6">
        <DashboardFilterBar filters={filters} {...options} />
        <DashboardView data={dashboard} filters={filters} />
      </div>
    </>
  );
}
