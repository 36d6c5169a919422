import type { Metadata } from "next";
import Link from "next/link";

import { SCHOOL_PAGE_SIZE, schoolListQuerySchema } from "@/lib/domain/org/school-api";
import { figuresBySchool } from "@/lib/server/analytics/dashboard";
import { requirePageUser } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { listSchools, pageDistrict } from "@/lib/server/org/schools";
import { schoolRepository } from "@/lib/server/repositories/org/school-repository";
import { systemClock } from "@/lib/utils/clock";
import { readPageQuery, type SearchParams, toQueryString } from "@/lib/utils/search-params";

import { SchoolTable } from "@/components/rectification/school-table";
import { SchoolFilters } from "@/components/schools/school-filters";
import { PageHeader } from "@/components/shell/page-header";
import { LinkButton } from "@/components/templates/link-button";
import { EmptyState } from "@/components/ui/empty-state";
import { InvalidQuery } from "@/components/ui/invalid-query";
import { NumberedPager } from "@/components/ui/pager";

export const metadata: Metadata = { title: "学校" };

export default async function SchoolsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePageUser(["office", "city", "admin"]);
  const db = getDb();
  const { values, query, invalid } = await readPageQuery(searchParams, schoolListQuerySchema);
  const { districtId, districts, canWrite } = await pageDistrict(db, user, values.district);
  if (!districtId) {
    return (
      <>
        <PageHeader title="学校" />
        <EmptyState title="还没有区县">
          请先
          <Link href="/office/districts" className="text-brand-700 underline underline-offset-4">
            创建区县
          </Link>
          ，再添加或导入学校。
        </EmptyState>
      </>
    );
  }
  const [list, zones] = await Promise.all([
    query
      ? listSchools(db, user, {
          ...query,
          districtId,
          active: query.active === undefined ? undefined : query.active === "true",
        })
      : null,
    schoolRepository.listZones(db, districtId),
  ]);
  const summaries = await figuresBySchool(
    db,
    user,
    list?.schools.map((school) => school.id) ?? [],
    systemClock.now(),
  );
  const districtQuery: Record<string, string> =
    user.role === "admin" ? { district: districtId } : {};
  return (
    <>
      <PageHeader
        title="学校"
        description={list ? `共 ${list.total} 所` : undefined}
        actions={
          canWrite ? (
            <>
              <LinkButton
                href={`/office/schools/new${toQueryString(districtQuery)}`}
                variant="primary"
              >
                新增学校
              </LinkButton>
              <LinkButton href={`/office/schools/import${toQueryString(districtQuery)}`}>
                批量导入
              </LinkButton>
              <LinkButton href="/office/people">为所有学校生成账号</LinkButton>
            </>
          ) : null
        }
      />
      <SchoolFilters values={values} zones={zones} districts={districts} districtId={districtId} />
      <InvalidQuery message={invalid} path="/office/schools" />
      {!list || !query ? null : list.schools.length === 0 ? (
        <EmptyState title="没有符合条件的学校">
          换个搜索词或筛选条件，或者新增、批量导入学校。
        </EmptyState>
      ) : (
        <>
          <SchoolTable
            rows={list.schools.map((school) => ({
              school,
              zoneName: school.zoneName,
              summary: summaries.get(school.id) ?? null,
            }))}
          />
          <NumberedPager
            path="/office/schools"
            values={values}
            page={query.page}
            pages={Math.ceil(list.total / query.pageSize)}
            summary={`每页 ${SCHOOL_PAGE_SIZE} 所`}
          />
        </>
      )}
    </>
  );
}
