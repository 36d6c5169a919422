import type { Metadata } from "next";

import { ledgerQuerySchema } from "@/lib/domain/rectification/ledger.schema";
import { requirePageUser } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { listItemPage } from "@/lib/server/repositories/rectification/ledger-query";
import { systemClock } from "@/lib/utils/clock";
import { readPageQuery, type SearchParams } from "@/lib/utils/search-params";

import { FilterChips, SCHOOL_ITEM_FILTERS } from "@/components/rectification/filter-chips";
import { ItemList } from "@/components/rectification/item-list";
import { PageHeader } from "@/components/shell/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { PagedList } from "@/components/ui/pager";

export const metadata: Metadata = { title: "整改事项" };

export default async function SchoolItemsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePageUser(["school"]);
  const { values, query, invalid } = await readPageQuery(searchParams, ledgerQuerySchema);
  // The school reads the primary: it must see its own answer right after sending it.
  const result = query
    ? await listItemPage(getDb(), user, query, systemClock.now())
    : { error: invalid };
  const { after: _after, before: _before, ...chipQuery } = values;
  return (
    <>
      <PageHeader
        title="整改事项"
        description={"error" in result ? undefined : `共 ${result.total} 项`}
      />
      <FilterChips chips={SCHOOL_ITEM_FILTERS} current={chipQuery} path="/school/items" />
      <PagedList
        path="/school/items"
        values={values}
        result={result}
        isEmpty={(page) => page.rows.length === 0}
        empty={<EmptyState title="没有符合条件的整改事项" />}
      >
        {(page) => <ItemList rows={page.rows} hrefBase="/school/items" />}
      </PagedList>
    </>
  );
}
