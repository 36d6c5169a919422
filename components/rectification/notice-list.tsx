import Link from "next/link";

import { toChinaDate } from "@/lib/domain/dates";
import type { RectificationStatus } from "@/lib/domain/rectification/rectification.schema";
import { VISIT_KIND_LABELS } from "@/lib/domain/visit/visit.labels";
import type { VisitKind } from "@/lib/domain/visit/visit.schema";

import { statusCountsText } from "./format";
import { Tag } from "./status-badge";

export type NoticeListEntry = {
  id: string;
  number: string;
  visitKind: VisitKind;
  visitedAt: number;
  issuedAt: number;
  issuedByName: string;
  readAt: number | null;
  schoolName?: string;
  itemCount: number;
  statusCounts: Record<RectificationStatus, number>;
};

/** Notices as cards, in the order given; each opens `${hrefBase}/${id}`. */
export function NoticeList({
  notices,
  hrefBase,
  showSchool = false,
}: {
  notices: readonly NoticeListEntry[];
  hrefBase: string;
  /** The office's list names each notice's school; a school's own list need not. */
  showSchool?: boolean;
}) {
  return (
    <ul className="space-y-3">
      {notices.map((notice) => {
        const open = notice.itemCount - notice.statusCounts.closed - notice.statusCounts.cancelled;
        return (
          <li key={notice.id}>
            {/* Not prefetched: opening the notice is its read receipt. */}
            <Link
              href={`${hrefBase}/${notice.id}`}
              prefetch={false}
              className="hover:border-brand-600 focus-visible:outline-brand-600 block rounded-xl border border-slate-200 bg-white p-4 shadow-sm focus-visible:outline-2"
            >
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-semibold text-slate-900">整改通知书</span>
                {notice.readAt === null ? <Tag tone="red">未读</Tag> : null}
                {open > 0 ? (
                  <Tag tone="amber">{open} 项未销号</Tag>
                ) : (
                  <Tag tone="brand">已全部销号</Tag>
                )}
              </div>
              <p className="mt-1 text-sm text-slate-600">
                {showSchool && notice.schoolName ? `${notice.schoolName} · ` : null}
                {notice.number}
              </p>
              <p className="mt-2 text-sm text-slate-500">
                {toChinaDate(notice.visitedAt)} {VISIT_KIND_LABELS[notice.visitKind]} · 督学{" "}
                {notice.issuedByName} · 共 {notice.itemCount} 项
              </p>
              <p className="mt-1 text-sm text-slate-700">{statusCountsText(notice.statusCounts)}</p>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
