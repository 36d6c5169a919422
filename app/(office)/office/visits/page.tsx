import type { Metadata } from "next";

import { readableDistrictIds } from "@/lib/domain/org/org-scope";
import { visitListQuerySchema } from "@/lib/domain/visit/visit-list.schema";
import { orgScopeOf } from "@/lib/server/auth/scope";
import { requirePageUser } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { listVisits, visitFilterOptions } from "@/lib/server/repositories/visits/visit-list-query";
import { readPageQuery, type SearchParams } from "@/lib/utils/search-params";

import { VisitFilters, VisitTable } from "@/components/plans/visit-list";
import { PageHeader } from "@/components/shell/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { InvalidQuery } from "@/components/ui/invalid-query";

export const metadata: Metadata = { title: "督导记录" };

export default async function VisitListPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePageUser(["office", "city", "admin"]);
  const { values, query, invalid } = await readPageQuery(searchParams, visitListQuerySchema);
  const db = getDb();
  // Scope once per request: every query below reads within these districts.
  const districtIds = readableDistrictIds(await orgScopeOf(db, user));
  const [page, options] = await Promise.all([
    query ? listVisits(db, districtIds, query) : null,
    visitFilterOptions(db, districtIds, query?.zoneId),
  ]);
  return (
    <>
      <PageHeader title="督导记录" description="已提交的督导检查，按检查时间从新到旧" />
      <VisitFilters values={values} {...options} />
      {invalid !== null ? (
        <InvalidQuery message={invalid} path="/office/visits" />
      ) : page && page.visits.length > 0 ? (
        <VisitTable rows={page.visits} next={page.next} values={values} />
      ) : (
        <EmptyState title="没有符合条件的督导记录" />
      )}
    </>
  );
}
