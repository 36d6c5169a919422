import type { Metadata } from "next";

import { ledgerQuerySchema } from "@/lib/domain/rectification/ledger.schema";
import { requirePageUser } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { listItemPage } from "@/lib/server/repositories/rectification/ledger-query";
import { systemClock } from "@/lib/utils/clock";
import { queryValues } from "@/lib/utils/search-params";

import { FilterChips, SCHOOL_ITEM_FILTERS } from "@/components/rectification/filter-chips";
import { ItemList } from "@/components/rectification/item-list";
import { PageHeader } from "@/components/shell/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Pager } from "@/components/ui/pager";

export const metadata: Metadata = { title: "整改事项" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SchoolItemsPage({ searchParams }: Props) {
  const user = await requirePageUser(["school"]);
  const query = queryValues(await searchParams);
  const parsed = ledgerQuerySchema.safeParse(query);
  // The school reads the primary: it must see its own answer right after sending it.
  const result = parsed.success
    ? await listItemPage(getDb(), user, parsed.data, systemClock.now())
    : null;
  const page = result && !("error" in result) ? result : null;
  const { after: _after, before: _before, ...chipQuery } = query;
  return (
    <>
      <PageHeader title="整改事项" description={page ? `共 ${page.total} 项` : "筛选条件无效"} />
      <FilterChips chips={SCHOOL_ITEM_FILTERS} current={chipQuery} path="/school/items" />
      {page === null || page.rows.length === 0 ? (
        <EmptyState title="没有符合条件的整改事项" />
      ) : (
        <>
          <ItemList rows={page.rows} hrefBase="/school/items" />
          <Pager path="/school/items" query={query} next={page.page.next} prev={page.page.prev} />
        </>
      )}
    </>
  );
}
