import type { ReactNode } from "react";

import { chinaDateTime } from "@/lib/domain/dates";
import {
  ESCALATION_LABELS,
  isFinalStatus,
  RECTIFICATION_MODE_LABELS,
  type RectificationItem,
} from "@/lib/domain/rectification/rectification.schema";
import { SEVERITY_LABELS } from "@/lib/domain/template/template.labels";

import { deadlineText } from "./format";
import { PhotoThumbs } from "./photo-thumbs";
import { OverdueBadge, ReviewOverdueBadge, StatusBadge, Tag } from "./status-badge";

/**
 * Everything about one 整改事项 that a school or a reviewer weighs: the finding, its deadline,
 * the inspector's photos next to the school's evidence, what was asked and why it came back.
 */
export function ItemDetails({
  item,
  daysOverdue,
  reviewOverdueDays = 0,
  title,
  label,
  children,
}: {
  item: RectificationItem;
  daysOverdue: number;
  /** 复查超时 days, shown to reviewers (office and inspector). */
  reviewOverdueDays?: number;
  /** The heading; the prompt when not given (a list passes a link). */
  title?: ReactNode;
  /** The card's accessible name; the prompt when not given (a list of many schools adds the school). */
  label?: string;
  /** The actions, under the details. */
  children?: ReactNode;
}) {
  const extension = item.extension;
  return (
    <section
      aria-label={label ?? item.prompt}
      className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm"
    >
      <header className="space-y-1.5">
        <div className="flex flex-wrap items-center gap-1.5">
          <StatusBadge status={item.status} />
          <OverdueBadge days={daysOverdue} />
          <ReviewOverdueBadge days={reviewOverdueDays} />
          <Tag tone={item.severity === "minor" ? "slate" : "amber"}>
            {SEVERITY_LABELS[item.severity]}
          </Tag>
          <Tag>{RECTIFICATION_MODE_LABELS[item.mode]}</Tag>
        </div>
        <h3 className="text-base font-semibold text-slate-900">{title ?? item.prompt}</h3>
      </header>

      <dl className="grid gap-x-4 gap-y-1.5 text-sm sm:grid-cols-[6rem_1fr]">
        <Row label="问题描述">{item.description}</Row>
        {item.requiredAction ? <Row label="整改要求">{item.requiredAction}</Row> : null}
        <Row label="检查依据">
          <span className="text-slate-600">{item.basis}</span>
        </Row>
        <Row label="整改期限">
          {deadlineText(item)}
          {daysOverdue > 0 ? (
            <span className="ml-2 font-medium text-red-600">已逾期 {daysOverdue} 天</span>
          ) : null}
        </Row>
        {item.closedAt !== null ? <Row label="销号时间">{chinaDateTime(item.closedAt)}</Row> : null}
      </dl>

      {extension ? (
        <Notice tone="amber" title={`学校申请延期至 ${extension.requestedDueDate}（待督导室审批）`}>
          理由：{extension.reason}
        </Notice>
      ) : null}
      {item.returnReason !== null && item.status === "returned" ? (
        <Notice tone="red" title="已退回，请按要求重新整改后再次提交">
          退回理由：{item.returnReason}
        </Notice>
      ) : null}
      {item.returnReason !== null && item.status === "submitted" ? (
        <Notice tone="slate" title="上次退回理由">
          {item.returnReason}
        </Notice>
      ) : null}
      {item.cancelReason !== null ? (
        <Notice tone="slate" title="已撤销">
          撤销理由：{item.cancelReason}
        </Notice>
      ) : null}
      {item.escalations.length > 0 ? (
        <Notice tone="red" title="督办记录">
          <ul className="space-y-0.5">
            {item.escalations.map((e) => (
              <li key={e.escalatedAt}>
                {ESCALATION_LABELS[e.kind]} · {chinaDateTime(e.escalatedAt)} · {e.note}
              </li>
            ))}
          </ul>
        </Notice>
      ) : null}

      <div className="grid gap-3 sm:grid-cols-2">
        <PhotoThumbs ids={item.photoIds} label="检查照片（整改前）" emptyText="无" />
        <div className="space-y-2">
          {item.response ? (
            <>
              <p className="text-xs font-medium text-slate-500">
                学校整改报告 · {chinaDateTime(item.response.submittedAt)}
              </p>
              <p className="rounded-lg bg-slate-50 p-2 text-sm whitespace-pre-wrap text-slate-800">
                {item.response.text}
              </p>
              <PhotoThumbs ids={item.response.photoIds} label="整改后照片（学校）" />
            </>
          ) : isFinalStatus(item.status) ? null : (
            <PhotoThumbs ids={[]} label="学校整改报告" emptyText="尚未提交" />
          )}
          <PhotoThumbs ids={item.afterPhotoIds} label="整改后照片（督学）" />
        </div>
      </div>

      {children}
    </section>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="font-medium text-slate-500">{label}</dt>
      <dd className="text-slate-800">{children}</dd>
    </>
  );
}

const NOTICE_TONES = {
  amber: "border-amber-200 bg-amber-50 text-amber-900",
  red: "border-red-200 bg-red-50 text-red-800",
  slate: "border-slate-200 bg-slate-50 text-slate-700",
} as const;

function Notice({
  tone,
  title,
  children,
}: {
  tone: keyof typeof NOTICE_TONES;
  title: string;
  children: ReactNode;
}) {
  return (
    <div className={`rounded-lg border p-3 text-sm ${NOTICE_TONES[tone]}`}>
      <p className="font-medium">{title}</p>
      <div className="mt-1">{children}</div>
    </div>
  );
}
