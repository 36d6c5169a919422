import type { Metadata } from "next";

import { requirePageUser } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { itemFiltersSchema, listItems } from "@/lib/server/rectification/queries";
import { systemClock } from "@/lib/utils/clock";
import { queryValues } from "@/lib/utils/search-params";

import { FilterChips, SCHOOL_ITEM_FILTERS } from "@/components/rectification/filter-chips";
import { ItemList } from "@/components/rectification/item-list";
import { PageHeader } from "@/components/shell/page-header";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "整改事项" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SchoolItemsPage({ searchParams }: Props) {
  const user = await requirePageUser(["school"]);
  const query = queryValues(await searchParams);
  const filters = itemFiltersSchema.safeParse(query);
  const rows = filters.success
    ? await listItems(getDb(), user, filters.data, systemClock.now())
    : [];
  return (
    <>
      <PageHeader
        title="整改事项"
        description={filters.success ? `共 ${rows.length} 项` : "筛选条件无效"}
      />
      <FilterChips chips={SCHOOL_ITEM_FILTERS} current={query} path="/school/items" />
      {rows.length === 0 ? (
        <EmptyState title="没有符合条件的整改事项" />
      ) : (
        <ItemList rows={rows} hrefBase="/school/items" />
      )}
    </>
  );
}
