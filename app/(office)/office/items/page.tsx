import type { Metadata } from "next";

import { ledgerQuerySchema } from "@/lib/domain/rectification/ledger.schema";
import { requirePageUser } from "@/lib/server/auth/session";
import { getReadDb } from "@/lib/server/db/client";
import {
  ledgerFilterOptions,
  listItemPage,
} from "@/lib/server/repositories/rectification/ledger-query";
import { systemClock } from "@/lib/utils/clock";
import { queryValues } from "@/lib/utils/search-params";

import { LedgerFilters, LedgerTable } from "@/components/rectification/ledger";
import { PageHeader } from "@/components/shell/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Pager } from "@/components/ui/pager";

export const metadata: Metadata = { title: "整改台账" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LedgerPage({ searchParams }: Props) {
  const user = await requirePageUser(["office", "city", "admin"]);
  const query = queryValues(await searchParams);
  const parsed = ledgerQuerySchema.safeParse(query);
  const db = getReadDb();
  const [result, options] = await Promise.all([
    parsed.success ? listItemPage(db, user, parsed.data, systemClock.now()) : null,
    ledgerFilterOptions(db, user, parsed.success ? parsed.data.zone : undefined),
  ]);
  const page = result && !("error" in result) ? result : null;
  return (
    <>
      <PageHeader
        title="整改台账"
        description={
          page
            ? page.totalCapped
              ? `超过 ${page.total} 项，请用筛选缩小范围`
              : `共 ${page.total} 项`
            : result && "error" in result
              ? result.error
              : "筛选条件无效，请重新选择"
        }
      />
      <LedgerFilters current={query} {...options} />
      {page === null || page.rows.length === 0 ? (
        <EmptyState title="没有符合条件的整改事项" />
      ) : (
        <>
          <LedgerTable rows={page.rows} />
          <Pager path="/office/items" query={query} next={page.page.next} prev={page.page.prev} />
        </>
      )}
    </>
  );
}
