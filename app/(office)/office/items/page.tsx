import type { Metadata } from "next";

import { scopedSchoolIds } from "@/lib/server/auth/scope";
import { requirePageUser } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { itemFiltersSchema, listItems } from "@/lib/server/rectification/queries";
import { schoolRepository } from "@/lib/server/repositories/school-repository";
import { systemClock } from "@/lib/utils/clock";
import { queryValues } from "@/lib/utils/search-params";

import { LedgerFilters, LedgerTable } from "@/components/rectification/ledger";
import { PageHeader } from "@/components/shell/page-header";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "整改台账" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LedgerPage({ searchParams }: Props) {
  const user = await requirePageUser(["office", "city", "admin"]);
  const query = queryValues(await searchParams);
  const filters = itemFiltersSchema.safeParse(query);
  const db = getDb();
  const [rows, schools, zones] = await Promise.all([
    filters.success ? listItems(db, user, filters.data, systemClock.now()) : [],
    scopedSchoolIds(db, user).then((ids) => schoolRepository.listByIds(db, ids)),
    user.districtId ? schoolRepository.listZones(db, user.districtId) : [],
  ]);
  return (
    <>
      <PageHeader
        title="整改台账"
        description={filters.success ? `共 ${rows.length} 项` : "筛选条件无效，请重新选择"}
      />
      <LedgerFilters
        current={query}
        schools={schools.map((s) => ({ value: s.id, label: s.name }))}
        zones={zones.map((z) => ({ value: z.id, label: z.name }))}
      />
      {rows.length === 0 ? (
        <EmptyState title="没有符合条件的整改事项" />
      ) : (
        <LedgerTable rows={rows} />
      )}
    </>
  );
}
