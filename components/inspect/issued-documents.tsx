"use client";

import { useIssuedDocuments } from "@/lib/hooks/use-issued-documents";

const LINK = "text-brand-700 font-medium underline underline-offset-4";

/** A synced visit's 整改通知书 number, with links that open the notice and the visit record. */
export function IssuedDocuments({
  visitId,
  refreshKey,
}: {
  visitId: string;
  refreshKey?: unknown;
}) {
  const state = useIssuedDocuments(visitId, refreshKey);
  if (state.status === "loading") return null;
  if (state.status === "unavailable") {
    return <p className="text-xs text-slate-500">{state.reason}</p>;
  }
  const { notice } = state.issued;
  const { links } = state;
  return (
    <div className="space-y-1 text-sm" data-issued-documents>
      <p className="text-slate-700">
        {notice ? (
          <>
            整改通知书 <span data-notice-number>{notice.number}</span>
          </>
        ) : (
          "未发现问题，未下发整改通知书"
        )}
      </p>
      <p className="flex gap-4">
        {links.notice ? (
          <a href={links.notice} target="_blank" rel="noreferrer" className={LINK}>
            查看整改通知书
          </a>
        ) : null}
        <a href={links.visitRecord} target="_blank" rel="noreferrer" className={LINK}>
          查看检查记录
        </a>
      </p>
    </div>
  );
}
