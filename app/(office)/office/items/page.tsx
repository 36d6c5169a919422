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
import { InvalidQuery } from "@/components/ui/invalid-query";
import { Pager } from "@/components/ui/pager";

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
      {"error" in result ? (
        <InvalidQuery message={result.error} path="/office/items" />
      ) : result.rows.length === 0 ? (
        <EmptyState title="没有符合条件的整改事项" />
      ) : (
        <>
          <LedgerTable rows={result.rows} />
          <Pager
            path="/office/items"
            query={values}
            next={result.page.next}
            prev={result.page.prev}
          />
        </>
      )}
    </>
  );
}
