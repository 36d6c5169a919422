import type { ReactNode } from "react";

import {
  RECTIFICATION_STATUS_LABELS,
  type RectificationStatus,
} from "@/lib/domain/rectification/rectification.schema";
import { cn } from "@/lib/utils/cn";

import { STATUS_TONES } from "./format";

const BADGE =
  "inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap";

export function StatusBadge({ status }: { status: RectificationStatus }) {
  return (
    <span className={cn(BADGE, STATUS_TONES[status])}>{RECTIFICATION_STATUS_LABELS[status]}</span>
  );
}

/** Nothing when the item is not overdue. */
export function OverdueBadge({ days }: { days: number }) {
  if (days <= 0) return null;
  return <span className={cn(BADGE, "bg-red-600 text-white")}>逾期 {days} 天</span>;
}

/** The reviewer's clock: nothing while the 复查 is within the district's service time. */
export function ReviewOverdueBadge({ days }: { days: number }) {
  if (days <= 0) return null;
  return <span className={cn(BADGE, "bg-amber-700 text-white")}>复查超时 {days} 天</span>;
}

export function Tag({
  children,
  tone = "slate",
}: {
  children: ReactNode;
  tone?: "slate" | "amber" | "red" | "brand";
}) {
  const tones = {
    slate: "bg-slate-100 text-slate-700",
    amber: "bg-amber-100 text-amber-800",
    red: "bg-red-100 text-red-700",
    brand: "bg-brand-50 text-brand-700",
  } as const;
  return <span className={cn(BADGE, tones[tone])}>{children}</span>;
}
