import type { RectificationItem } from "@/lib/domain/rectification/rectification.schema";
import { SEVERITY_LABELS } from "@/lib/domain/template/template.schema";
import { VISIT_KIND_LABELS, type VisitKind } from "@/lib/domain/visit/visit.schema";

import { chineseDate } from "@/lib/domain/dates";
import { noticeDeadlineText } from "@/lib/domain/rectification/notice-text";

import { formatDate } from "./format";

/** What the printed notice shows; the server's notice detail has these fields. */
export type NoticeSheet = {
  number: string;
  schoolName: string;
  districtName: string;
  issuedByName: string;
  visitKind: VisitKind;
  visitedAt: number;
  issuedAt: number;
  items: readonly RectificationItem[];
};

/**
 * The 整改通知书 as an A4 sheet, in the same words as its PDF. On screen it is a paper-like card;
 * printed, the app's frame is hidden (print:hidden in the shell) and the sheet fills the page.
 */
export function NoticeDocument({ notice }: { notice: NoticeSheet }) {
  const issuer = `${notice.districtName}教育督导室`;
  return (
    <article
      aria-label="整改通知书"
      className="mx-auto max-w-[210mm] bg-white px-6 py-8 text-[15px] leading-7 text-slate-900 shadow-sm ring-1 ring-slate-200 sm:px-[18mm] sm:py-[16mm] print:max-w-none print:p-0 print:shadow-none print:ring-0"
    >
      <h1 className="text-center text-2xl font-bold tracking-[0.4em]">整改通知书</h1>
      <p className="mt-1 text-center text-sm text-slate-600">{notice.number}</p>

      <p className="mt-6 font-bold">{notice.schoolName}：</p>
      <p className="mt-2 indent-8">
        {chineseDate(formatDate(notice.visitedAt))}，责任督学{notice.issuedByName}对你校进行了
        {VISIT_KIND_LABELS[notice.visitKind]}，发现以下 {notice.items.length}{" "}
        个问题。请对照检查依据逐项整改，在整改期限内通过督学巡检系统提交整改报告（附整改后照片），并接受复查。
      </p>

      <ol className="mt-4 space-y-4">
        {notice.items.map((item, index) => (
          <li key={item.id} className="break-inside-avoid">
            <h2 className="font-bold">
              {index + 1}. {item.prompt}
            </h2>
            <dl className="mt-1 space-y-0.5 text-[14px]">
              <NoticeField label="问题描述" value={item.description} />
              <NoticeField label="检查依据" value={item.basis} />
              <NoticeField label="整改要求" value={item.requiredAction || "—"} />
              <NoticeField label="问题等级" value={SEVERITY_LABELS[item.severity]} />
              <NoticeField label="整改期限" value={noticeDeadlineText(item)} />
            </dl>
          </li>
        ))}
      </ol>

      <p className="mt-6 indent-8">特此通知。</p>
      <div className="mt-8 ml-auto w-fit text-right">
        <p className="font-bold">{issuer}</p>
        <p>责任督学：{notice.issuedByName}</p>
        <p>{chineseDate(formatDate(notice.issuedAt))}</p>
      </div>
    </article>
  );
}

function NoticeField({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt className="inline font-bold text-slate-600">{label}：</dt>
      <dd className="inline">{value}</dd>
    </div>
  );
}
