import type { Metadata } from "next";

import { ledgerQuerySchema } from "@/lib/domain/rectification/ledger.schema";
import { requirePageUser } from "@/lib/server/auth/session";
import { getReadDb } from "@/lib/server/db/client";
import {
  ledgerFilterOptions,
  listItemPage,
} from "@/lib/server/repositories/rectification/ledger-query";
import { systemClock } from "@/lib/utils/clock";
import { readPageQuery, type SearchParams } from "@/lib/utils/search-params";

import { LedgerFilters, LedgerTable } from "@/components/rectification/ledger";
import { PageHeader } from "@/components/shell/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { PagedList } from "@/components/ui/pager";

export const metadata: Metadata = { title: "整改台账" };

export default async function LedgerPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePageUser(["office", "city", "admin"]);
  const { values, query, invalid } = await readPageQuery(searchParams, ledgerQuerySchema);
  const db = getReadDb();
  const [result, options] = await Promise.all([
    query ? listItemPage(db, user, query, systemClock.now()) : { error: invalid },
    ledgerFilterOptions(db, user, query?.zone),
  ]);
  return (
    <>
      <PageHeader
        title="整改台账"
        description={
          "error" in result
            ? undefined
            : result.totalCapped
              ? `超过 ${result.total} 项，请用筛选缩小范围`
              : `共 ${result.total} 项`
        }
      />
      <LedgerFilters current={values} {...options} />
      <PagedList
        path="/office/items"
        values={values}
        result={result}
        isEmpty={(page) => page.rows.length === 0}
        empty={<EmptyState title="没有符合条件的整改事项" />}
      >
        {(page) => <LedgerTable rows={page.rows} />}
      </PagedList>
    </>
  );
}
