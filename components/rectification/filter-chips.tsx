import Link from "next/link";

import { cn } from "@/lib/utils/cn";
import { toQueryString } from "@/lib/utils/search-params";

export type FilterChip = { label: string; query: Record<string, string> };

/** The school's quick filters: one choice at a time, "全部" first. */
export const SCHOOL_ITEM_FILTERS: FilterChip[] = [
  { label: "全部", query: {} },
  { label: "待整改", query: { state: "pending,in_progress" } },
  { label: "已退回", query: { state: "returned" } },
  { label: "待复查", query: { state: "submitted" } },
  { label: "已销号", query: { state: "closed" } },
  { label: "逾期", query: { overdue: "1" } },
];

/** A chip is current when the page's query is exactly its query. */
export function isCurrentChip(chip: FilterChip, current: Record<string, string>): boolean {
  return toQueryString(chip.query) === toQueryString(current);
}

export function FilterChips({
  chips,
  current,
  path,
}: {
  chips: readonly FilterChip[];
  current: Record<string, string>;
  path: string;
}) {
  return (
    <nav aria-label="筛选" className="-mx-1 mb-3 flex gap-1.5 overflow-x-auto px-1 pb-1">
      {chips.map((chip) => {
        const active = isCurrentChip(chip, current);
        return (
          <Link
            key={chip.label}
            href={`${path}${toQueryString(chip.query)}`}
            aria-current={active ? "page" : undefined}
            className={cn(
              "shrink-0 rounded-full border px-3 py-1.5 text-sm",
              active
                ? "border-brand-700 bg-brand-700 text-white"
                : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50",
            )}
          >
            {chip.label}
          </Link>
        );
      })}
    </nav>
  );
}
