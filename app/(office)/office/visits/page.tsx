import type { Metadata } from "next";

import { readableDistrictIds } from "@/lib/domain/org/org-scope";
import { visitListQuerySchema } from "@/lib/domain/visit/visit-list.schema";
import { orgScopeOf } from "@/lib/server/auth/scope";
import { requirePageUser } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { listVisits, visitFilterOptions } from "@/lib/server/repositories/visits/visit-list-query";
import { queryValues } from "@/lib/utils/search-params";

import { VisitFilters, VisitTable } from "@/components/plans/visit-list";
import { PageHeader } from "@/components/shell/page-header";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "督导记录" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function VisitListPage({ searchParams }: Props) {
  const user = await requirePageUser(["office", "city", "admin"]);
  const values = queryValues(await searchParams);
  const query = visitListQuerySchema.safeParse(values);
  const db = getDb();
  // Scope once per request: every query below reads within these districts.
  const districtIds = readableDistrictIds(await orgScopeOf(db, user));
  const [page, options] = await Promise.all([
    query.success ? listVisits(db, districtIds, query.data) : { visits: [], next: null },
    visitFilterOptions(db, districtIds, query.success ? query.data.zoneId : undefined),
  ]);
  return (
    <>
      <PageHeader
        title="督导记录"
        description={
          query.success
            ? "已提交的督导检查，按检查时间从新到旧"
            : `筛选条件无效：${query.error.issues[0]?.message ?? ""}`
        }
      />
      <VisitFilters values={values} {...options} />
      {page.visits.length === 0 ? (
        <EmptyState title="没有符合条件的督导记录" />
      ) : (
        <VisitTable rows={page.visits} next={page.next} values={values} />
      )}
    </>
  );
}
