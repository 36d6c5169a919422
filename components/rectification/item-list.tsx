import Link from "next/link";

import type { RectificationItem } from "@/lib/domain/rectification/rectification.schema";

import { deadlineText } from "./format";
import { OverdueBadge, StatusBadge } from "./status-badge";

export type ItemListEntry = {
  item: RectificationItem;
  daysOverdue: number;
  noticeNumber: string | null;
};

/** Items as cards for a phone: what, its state, by when. */
export function ItemList({ rows, hrefBase }: { rows: readonly ItemListEntry[]; hrefBase: string }) {
  return (
    <ul className="space-y-2">
      {rows.map(({ item, daysOverdue, noticeNumber }) => (
        <li key={item.id}>
          <Link
            href={`${hrefBase}/${item.id}`}
            className="hover:border-brand-600 focus-visible:outline-brand-600 block rounded-xl border border-slate-200 bg-white p-3 shadow-sm focus-visible:outline-2"
          >
            <div className="flex flex-wrap items-center gap-1.5">
              <StatusBadge status={item.status} />
              <OverdueBadge days={daysOverdue} />
              {item.extension ? <span className="text-xs text-amber-700">延期待审批</span> : null}
            </div>
            <p className="mt-1.5 font-medium text-slate-900">{item.prompt}</p>
            <p className="mt-1 text-sm text-slate-500">
              {item.section} · 期限：{deadlineText(item)}
              {noticeNumber ? ` · ${noticeNumber}` : ""}
            </p>
          </Link>
        </li>
      ))}
    </ul>
  );
}
