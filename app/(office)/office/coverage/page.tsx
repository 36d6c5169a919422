import type { Metadata } from "next";

import { monthAt, monthLabel } from "@/lib/domain/month";
import { readableDistrictIds } from "@/lib/domain/org/org-scope";
import { coverageQuerySchema } from "@/lib/domain/plan/visit-rule";
import { orgScopeOf } from "@/lib/server/auth/scope";
import { requirePageUser } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { districtRepository } from "@/lib/server/repositories/org/district-repository";
import { coverageSummary, schoolCoverage } from "@/lib/server/repositories/visits/coverage-query";
import { visitFilterOptions } from "@/lib/server/repositories/visits/visit-list-query";
import { systemClock } from "@/lib/utils/clock";
import { queryValues } from "@/lib/utils/search-params";

import {
  CoverageFilters,
  CoverageTotalsCard,
  InspectorCoverageTable,
  SchoolCoverageTable,
  ZoneCoverageTable,
} from "@/components/plans/coverage-view";
import { PageHeader } from "@/components/shell/page-header";
import { Card } from "@/components/ui/card";

export const metadata: Metadata = { title: "督导覆盖" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CoveragePage({ searchParams }: Props) {
  const user = await requirePageUser(["office", "city", "admin"]);
  const values = queryValues(await searchParams);
  const parsed = coverageQuerySchema.safeParse(values);
  const query = parsed.success ? parsed.data : {};
  const month = query.month ?? monthAt(systemClock.now());
  const db = getDb();
  const districtIds = readableDistrictIds(await orgScopeOf(db, user));
  const [summary, schools, options, rule] = await Promise.all([
    coverageSummary(db, districtIds, month),
    schoolCoverage(db, districtIds, {
      month,
      zoneId: query.zoneId,
      inspectorId: query.inspectorId,
      onlyMissing: query.missing === "1",
      after: query.after,
      limit: 100,
    }),
    visitFilterOptions(db, districtIds, undefined),
    user.districtId ? districtRepository.getVisitRule(db, user.districtId) : null,
  ]);
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
      <CoverageTotalsCard
        totals={summary.totals}
        required={rule ? `规则：每校每月 ${rule.visitsPerMonth} 次` : "按各区县规则"}
      />
      <div className="grid gap-4 lg:grid-cols-2">
        <Card className="overflow-x-auto">
          <h2 className="mb-2 font-medium text-slate-900">按责任区</h2>
          <ZoneCoverageTable rows={summary.zones} />
        </Card>
        <Card className="overflow-x-auto">
          <h2 className="mb-2 font-medium text-slate-900">按督学</h2>
          <InspectorCoverageTable rows={summary.inspectors} />
        </Card>
      </div>
      <Card className="mt-4 overflow-x-auto">
        <h2 className="mb-2 font-medium text-slate-900">按学校</h2>
        <SchoolCoverageTable rows={schools.schools} next={schools.next} values={values} />
      </Card>
    </>
  );
}
