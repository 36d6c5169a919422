/** Chinese wording shared by the school and office rectification screens: dates, deadlines, history. */
import { toChinaDate } from "@/lib/domain/dates";
import { ROLE_LABELS } from "@/lib/domain/org/org.labels";
import type { RectificationEvent } from "@/lib/domain/rectification/events";
import {
  ESCALATION_LABELS,
  escalationKindSchema,
  RECTIFICATION_ACTION_LABELS,
  RECTIFICATION_STATUS_LABELS,
  RECTIFICATION_STATUSES,
  type RectificationAction,
  type RectificationItem,
  type RectificationStatus,
} from "@/lib/domain/rectification/rectification.schema";
import type { DateString } from "@/lib/domain/visit/answer.schema";
import type { SyncSnapshot } from "@/lib/sync/sync-engine";

/**
 * Made on first use, not when this module loads: a page's first Intl.DateTimeFormat loads the
 * time-zone and locale data (≈ 120–160 ms on the bench's 4× phone), and the inspector's visit
 * page loads this module with its 整改复查 section whether or not it shows any time.
 */
let chinaDateTime: Intl.DateTimeFormat | null = null;

/** "2026/03/20 10:05" in China time, whatever the viewer's time zone. */
export function formatDateTime(epochMs: number): string {
  chinaDateTime ??= new Intl.DateTimeFormat("zh-CN", {
    timeZone: "Asia/Shanghai",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  });
  return chinaDateTime.format(epochMs);
}

/** The China calendar date of an instant, "2026-03-20". */
export function formatDate(epochMs: number): DateString {
  return toChinaDate(epochMs);
}

/** 0…1 as "83%"; "—" when there is nothing to count. */
export function formatRate(rate: number | null): string {
  return rate === null ? "—" : `${Math.round(rate * 100)}%`;
}

/** The deadline as lists show it. */
export function deadlineText(item: Pick<RectificationItem, "mode" | "dueDate">): string {
  if (item.mode === "on_site") return "立行立改";
  if (item.dueDate === null) return "—";
  return item.mode === "control" ? `先行管控，${item.dueDate} 前` : `${item.dueDate} 前`;
}

/** "待整改 1 · 已销号 2": the states that have items, in lifecycle order. */
export function statusCountsText(counts: Readonly<Record<RectificationStatus, number>>): string {
  return RECTIFICATION_STATUSES.filter((status) => counts[status] > 0)
    .map((status) => `${RECTIFICATION_STATUS_LABELS[status]} ${counts[status]}`)
    .join(" · ");
}

/** The school's notice list: unread notices first, then newest first (by issue time). */
export function unreadFirst<T extends { readAt: number | null; issuedAt: number }>(
  notices: readonly T[],
): T[] {
  return [...notices].sort(
    (a, b) => Number(a.readAt !== null) - Number(b.readAt !== null) || b.issuedAt - a.issuedAt,
  );
}

/** Badge colours per state: open work is warm, waiting is violet, done is green, withdrawn grey. */
export const STATUS_TONES: Record<RectificationStatus, string> = {
  pending: "bg-amber-100 text-amber-800",
  in_progress: "bg-sky-100 text-sky-800",
  submitted: "bg-violet-100 text-violet-800",
  returned: "bg-red-100 text-red-700",
  closed: "bg-emerald-100 text-emerald-800",
  cancelled: "bg-slate-200 text-slate-600",
};

export type EventDescription = {
  /** What happened, e.g. "退回" or "发现问题". */
  title: string;
  /** Who did it; the user id when the name is unknown. */
  actor: string;
  /** In which role, e.g. "督学". */
  role: string;
  /** The payload in Chinese, one line per fact. */
  details: string[];
};

type Payload = RectificationEvent["payload"];

function text(payload: Payload, key: string): string | null {
  const value = payload[key];
  return typeof value === "string" && value.trim() !== "" ? value : null;
}

function count(payload: Payload, key: string): number {
  const value = payload[key];
  return Array.isArray(value) ? value.length : 0;
}

function photoLine(payload: Payload, label: string): string[] {
  const n = count(payload, "photoIds");
  return n > 0 ? [`${label} ${n} 张`] : [];
}

/** The due date an approval granted: the one asked for by the latest request among `earlier`. */
function grantedDueDate(earlier: readonly RectificationEvent[]): string | null {
  for (let i = earlier.length - 1; i >= 0; i--) {
    const event = earlier[i];
    if (event?.type === "request_extension") return text(event.payload, "requestedDueDate");
  }
  return null;
}

/** A step's data in Chinese; `earlier` is the item's history before it. */
function details(
  type: RectificationEvent["type"],
  payload: Payload,
  earlier: readonly RectificationEvent[],
): string[] {
  const line = (label: string, key: string) => {
    const value = text(payload, key);
    return value === null ? [] : [`${label}：${value}`];
  };
  switch (type) {
    case "created":
      return [
        ...line("问题", "description"),
        ...line("整改要求", "requiredAction"),
        ...(payload.mode === "on_site" ? ["整改方式：立行立改"] : []),
        ...(payload.mode === "control" ? ["整改方式：先行管控、限期整改"] : []),
        ...line("整改期限", "dueDate"),
        ...photoLine(payload, "检查照片"),
      ];
    case "acknowledge":
      return ["学校已开始整改"];
    case "respond":
      return [...line("整改情况", "text"), ...photoLine(payload, "整改后照片")];
    case "request_extension":
      return [...line("申请延期至", "requestedDueDate"), ...line("理由", "reason")];
    case "approve_extension": {
      // Recorded since approvals may set another date than asked; older ones granted the request.
      const granted = text(payload, "dueDate") ?? grantedDueDate(earlier);
      return [
        ...(granted === null ? [] : [`新的整改期限：${granted}`]),
        ...line("审批意见", "comment"),
      ];
    }
    case "verify_return":
      return [...line("理由", "reason"), ...line("新的整改期限", "dueDate")];
    case "refuse_extension":
    case "cancel":
      return line("理由", "reason");
    case "verify_pass":
      return [...line("复查意见", "note"), ...photoLine(payload, "复查照片")];
    case "escalate": {
      const kind = escalationKindSchema.safeParse(payload.kind);
      return [
        ...(kind.success ? [`方式：${ESCALATION_LABELS[kind.data]}`] : []),
        ...line("说明", "note"),
      ];
    }
    case "close_on_site":
      return photoLine(payload, "整改后照片");
    case "verify_on_site":
      return [...line("复查意见", "note"), ...photoLine(payload, "现场核实照片")];
    case "record_still_open":
      return line("现场情况", "note");
  }
}

/**
 * An item's history in words, oldest first. `names` maps user ids to names; the payload is read
 * defensively because history keeps whatever shape the action had when it was recorded.
 */
export function describeEvents(
  events: readonly RectificationEvent[],
  names: ReadonlyMap<string, string>,
): EventDescription[] {
  return events.map((event, index) => ({
    title: event.type === "created" ? "发现问题" : RECTIFICATION_ACTION_LABELS[event.type],
    actor: names.get(event.actorId) ?? event.actorId,
    role: ROLE_LABELS[event.actorRole],
    details: details(event.type, event.payload, events.slice(0, index)),
  }));
}

/** An action not yet in the history (queued on the phone) in the words its event will have. */
export function describeAction(action: RectificationAction): string[] {
  const { type, ...payload } = action;
  return details(type, payload, []);
}

/** What each sync state means for the school's waiting work. */
export function sendStateText(sync: SyncSnapshot): string {
  switch (sync.status) {
    case "syncing":
      return "正在提交…";
    case "offline":
      return "网络不可用：已保存在本机，网络恢复后自动提交";
    case "backoff":
      return sync.nextRetryAt === null
        ? "服务器暂时无法处理：已保存在本机，稍后自动重试"
        : `服务器暂时无法处理：已保存在本机，将于 ${formatDateTime(sync.nextRetryAt)} 自动重试`;
    case "needs-auth":
      return "登录已失效：请重新登录，填写的内容和照片已保存在本机";
    case "idle":
    case "has-rejections":
      return "已保存在本机，等待提交…";
  }
}
