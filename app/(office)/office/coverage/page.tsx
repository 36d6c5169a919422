import type { Metadata } from "next";

import { monthAt, monthLabel } from "@/lib/domain/month";
import { readableDistrictIds } from "@/lib/domain/org/org-scope";
import { coverageQuerySchema } from "@/lib/domain/plan/visit-rule";
import { orgScopeOf } from "@/lib/server/auth/scope";
import { requirePageUser } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { districtRepository } from "@/lib/server/repositories/org/district-repository";
import { coverageReport } from "@/lib/server/repositories/visits/coverage-query";
import { visitFilterOptions } from "@/lib/server/repositories/visits/visit-list-query";
import { systemClock } from "@/lib/utils/clock";
import { readPageQuery, type SearchParams } from "@/lib/utils/search-params";

import {
  CoverageFilters,
  CoverageTotalsCard,
  InspectorCoverageTable,
  SchoolCoverageTable,
  ZoneCoverageTable,
} from "@/components/plans/coverage-view";
import { PageHeader } from "@/components/shell/page-header";
import { Card } from "@/components/ui/card";
import { InvalidQuery } from "@/components/ui/invalid-query";

export const metadata: Metadata = { title: "督导覆盖" };

export default async function CoveragePage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePageUser(["office", "city", "admin"]);
  const { values, query, invalid } = await readPageQuery(searchParams, coverageQuerySchema);
  const db = getDb();
  const districtIds = readableDistrictIds(await orgScopeOf(db, user));
  const [report, options, rule] = await Promise.all([
    query ? coverageReport(db, districtIds, query, systemClock.now()) : null,
    visitFilterOptions(db, districtIds, undefined),
    user.districtId ? districtRepository.getVisitRule(db, user.districtId) : null,
  ]);
  const month = report?.month ?? monthAt(systemClock.now());
  return (
    <>
      <PageHeader
        title={`挂牌督导覆盖 · ${monthLabel(month)}`}
        description="按月统计：学校当月由本责任区督学完成的挂牌督导次数达到规定次数即为达标。"
      />
      <CoverageFilters
        values={values}
        month={month}
        zones={options.zones}
        inspectors={options.inspectors}
      />
      <InvalidQuery message={invalid} path="/office/coverage" />
      {report ? (
        <>
          <CoverageTotalsCard
            totals={report.totals}
            required={rule ? `规则：每校每月 ${rule.visitsPerMonth} 次` : "按各区县规则"}
          />
          <div className="grid gap-4 lg:grid-cols-2">
            <Card className="overflow-x-auto">
              <h2 className="mb-2 font-medium text-slate-900">按责任区</h2>
              <ZoneCoverageTable rows={report.zones} />
            </Card>
            <Card className="overflow-x-auto">
              <h2 className="mb-2 font-medium text-slate-900">按督学</h2>
              <InspectorCoverageTable rows={report.inspectors} />
            </Card>
          </div>
          <Card className="mt-4 overflow-x-auto">
            <h2 className="mb-2 font-medium text-slate-900">按学校</h2>
            <SchoolCoverageTable rows={report.schools} next={report.next} values={values} />
          </Card>
        </>
      ) : null}
    </>
  );
}
