import { daysBetween, dueDateRefusal, toChinaDate } from "../dates";
import { type Refused, refused } from "../refusal";
import type { RectificationEventDraft } from "./events";
import {
  isFinalStatus,
  RECTIFICATION_ACTION_LABELS,
  RECTIFICATION_ACTION_TYPES,
  RECTIFICATION_STATUS_LABELS,
  RECTIFICATION_STATUSES,
  rectificationActionSchema,
  type RectificationAction,
  type RectificationActionType,
  type RectificationActor,
  type RectificationItem,
  type RectificationItemInput,
  type RectificationStatus,
} from "./rectification.schema";
import {
  type DeadlinePolicy,
  proposedReturnDueDate,
  reviewDueDate,
} from "../template/deadline-policy";
import type { DateString } from "../visit/answer.schema";

/** What a transition records; the caller adds the event id and chains it (`chainEvent`). */
export type TransitionEvent = Omit<RectificationEventDraft, "id">;

/** forbidden: not this person's call. conflict: not in this state. invalid_input: bad data. */
export type TransitionResult =
  { ok: true; item: RectificationItem; event: TransitionEvent } | Refused;

/**
 * Who may take each action (docs/architecture.md §2). "reviewer" is the school's own inspector or the
 * office; "school" is the item's own school. The office's district scope is the server's to
 * check before it loads the item.
 */
type Party = "school" | "office" | "reviewer" | "inspector";
const PARTY: Record<RectificationActionType, Party> = {
  acknowledge: "school",
  respond: "school",
  request_extension: "school",
  approve_extension: "office",
  refuse_extension: "office",
  verify_pass: "reviewer",
  verify_return: "reviewer",
  escalate: "reviewer",
  cancel: "office",
  close_on_site: "inspector",
  verify_on_site: "inspector",
  record_still_open: "inspector",
};

const OPEN = RECTIFICATION_STATUSES.filter((status) => !isFinalStatus(status));
/** The school may still work on the item: it has not handed it in for review. */
const SCHOOL_WORKING: readonly RectificationStatus[] = ["pending", "in_progress", "returned"];
const FROM: Record<RectificationActionType, readonly RectificationStatus[]> = {
  acknowledge: ["pending"],
  respond: SCHOOL_WORKING,
  request_extension: SCHOOL_WORKING,
  approve_extension: OPEN,
  refuse_extension: OPEN,
  verify_pass: ["submitted"],
  // A 复查 may also find an item the school has not reported still not done: returned with a new deadline.
  verify_return: ["submitted", ...SCHOOL_WORKING],
  escalate: OPEN,
  cancel: OPEN,
  close_on_site: ["pending"],
  verify_on_site: SCHOOL_WORKING,
  record_still_open: SCHOOL_WORKING,
};

/**
 * Who may take the action on this item. A return of an item the school has not reported is a
 * finding of the 复查 on site, so it is the school's 责任督学's alone; the office returns reports.
 */
function partyOf(item: RectificationItem, type: RectificationActionType): Party {
  if (type === "verify_return" && SCHOOL_WORKING.includes(item.status)) return "inspector";
  return PARTY[type];
}

function forbidden(
  item: RectificationItem,
  type: RectificationActionType,
  actor: RectificationActor,
): string | null {
  const label = RECTIFICATION_ACTION_LABELS[type];
  const isOwnInspector = actor.role === "inspector" && actor.inspectsSchool;
  switch (partyOf(item, type)) {
    case "school":
      if (actor.role !== "school") return `只有被检查学校可以${label}`;
      return actor.schoolId === item.schoolId ? null : "只能处理本校的整改事项";
    case "office":
      return actor.role === "office" ? null : `只有督导室可以${label}`;
    case "reviewer":
      return actor.role === "office" || isOwnInspector
        ? null
        : `只有该校的责任督学或督导室可以${label}`;
    case "inspector":
      if (isOwnInspector) return null;
      return type === "verify_return"
        ? "学校尚未报告整改的事项，只有该校的责任督学可以在现场复查时退回"
        : `只有该校的责任督学可以${label}`;
  }
}

function illegal(item: RectificationItem, type: RectificationActionType): string | null {
  const label = RECTIFICATION_ACTION_LABELS[type];
  const status = RECTIFICATION_STATUS_LABELS[item.status];
  if (isFinalStatus(item.status)) return `该事项${status}，不能再${label}`;
  if (!FROM[type].includes(item.status)) return `该事项当前为「${status}」，不能${label}`;
  if (type === "request_extension") {
    if (item.dueDate === null) return "该事项没有整改期限，无需申请延期";
    if (item.extension !== null) return "已有待审批的延期申请，请等待督导室审批";
  }
  const decidesExtension = type === "approve_extension" || type === "refuse_extension";
  if (decidesExtension && item.extension === null) return "没有待审批的延期申请";
  if (type === "close_on_site" && item.mode !== "on_site") {
    return "限期整改事项不能立行立改销号，请在复查时销号";
  }
  return null;
}

/** Everything but the action's own data: who is acting, and whether the item's state allows it. */
function refusal(
  item: RectificationItem,
  type: RectificationActionType,
  actor: RectificationActor,
): Refused | null {
  const notAllowed = forbidden(item, type, actor);
  if (notAllowed !== null) return refused("forbidden", notAllowed);
  const notNow = illegal(item, type);
  return notNow === null ? null : refused("conflict", notNow);
}

/** Rules on the action's data that depend on the item or the date; the schema checks the rest. */
function invalid(
  item: RectificationItem,
  action: RectificationAction,
  today: DateString,
): string | null {
  switch (action.type) {
    case "request_extension":
      return item.dueDate === null ? null : laterDueDate(action.requestedDueDate, item, today);
    case "approve_extension":
      return action.dueDate === undefined ? null : laterDueDate(action.dueDate, item, today);
    case "verify_return":
      if (action.dueDate === undefined) return "请设定退回后新的整改期限";
      if (action.dueDate <= today) return "新的整改期限须晚于今天";
      return dueDateRefusal(action.dueDate, today);
    case "acknowledge":
    case "respond":
    case "refuse_extension":
    case "verify_pass":
    case "escalate":
    case "cancel":
    case "close_on_site":
    case "verify_on_site":
    case "record_still_open":
      return null;
  }
}

/** A new due date that extends the item's: after the old one and after today. */
function laterDueDate(
  dueDate: DateString,
  item: RectificationItem,
  today: DateString,
): string | null {
  if (item.dueDate !== null && dueDate <= item.dueDate) {
    return `延期后的日期须晚于原整改期限 ${item.dueDate}`;
  }
  if (dueDate <= today) return "延期后的日期须晚于今天";
  return dueDateRefusal(dueDate, today);
}

function apply(
  item: RectificationItem,
  action: RectificationAction,
  actorId: string,
  now: number,
): RectificationItem {
  const next: RectificationItem = { ...item, updatedAt: now, version: item.version + 1 };
  switch (action.type) {
    case "acknowledge":
      return { ...next, status: "in_progress" };
    case "respond":
      return {
        ...next,
        status: "submitted",
        response: { text: action.text, photoIds: action.photoIds, submittedAt: now },
      };
    case "request_extension":
      return {
        ...next,
        extension: {
          requestedDueDate: action.requestedDueDate,
          reason: action.reason,
          requestedAt: now,
        },
      };
    case "approve_extension":
      return {
        ...next,
        dueDate: action.dueDate ?? item.extension?.requestedDueDate ?? item.dueDate,
        extension: null,
      };
    case "refuse_extension":
      return { ...next, extension: null };
    case "verify_pass":
    case "verify_on_site":
      return {
        ...next,
        status: "closed",
        closedAt: now,
        afterPhotoIds: action.photoIds,
        extension: null,
      };
    case "verify_return":
      return {
        ...next,
        status: "returned",
        returnReason: action.reason,
        dueDate: action.dueDate ?? item.dueDate,
      };
    case "escalate":
      // Not a state change: the item only gains a record of the escalation.
      return {
        ...next,
        escalations: [
          ...item.escalations,
          { kind: action.kind, note: action.note, actorId, escalatedAt: now },
        ],
      };
    case "cancel":
      return { ...next, status: "cancelled", cancelReason: action.reason, extension: null };
    case "close_on_site":
      return { ...next, status: "closed", closedAt: now, afterPhotoIds: action.photoIds };
    case "record_still_open":
      // Not a state change: the history gains what the inspector saw.
      return next;
  }
}

/**
 * The one way an item changes. Checks, in order, who is acting (forbidden), whether the item's
 * state allows it (illegal) and the action's data (invalid); on success returns the new item and
 * the event to append. `now` is epoch ms; dates are judged in China time.
 */
export function transition(
  item: RectificationItem,
  action: RectificationAction,
  actor: RectificationActor,
  now: number,
): TransitionResult {
  const notPossible = refusal(item, action.type, actor);
  if (notPossible !== null) return notPossible;
  // Parsed here too, so the rules hold for every caller and strings arrive trimmed.
  const parsed = rectificationActionSchema.safeParse(action);
  if (!parsed.success) {
    return refused("invalid_input", parsed.error.issues[0]?.message ?? "无效的操作");
  }
  const badData = invalid(item, parsed.data, toChinaDate(now));
  if (badData !== null) return refused("invalid_input", badData);
  const { type, ...payload } = parsed.data;
  return {
    ok: true,
    item: apply(item, parsed.data, actor.userId, now),
    event: {
      itemId: item.id,
      type,
      actorId: actor.userId,
      actorRole: actor.role,
      at: now,
      payload,
    },
  };
}

/**
 * The action with what the district's policy decides when the person left it open: a return
 * without a date (a phone's 复查 sent offline) gets the policy's new deadline.
 */
export function withPolicyDefaults(
  action: RectificationAction,
  policy: Pick<DeadlinePolicy, "returnDays">,
  today: DateString,
): RectificationAction {
  if (action.type !== "verify_return" || action.dueDate !== undefined) return action;
  return { ...action, dueDate: proposedReturnDueDate(policy, today) };
}

/**
 * The item as `action` would leave it, without judging who acts or whether it is allowed: what a
 * confirmation shows before the decision is sent (`transition` still decides).
 */
export function previewTransition(
  item: RectificationItem,
  action: RectificationAction,
  now: number,
): RectificationItem {
  return apply(item, action, "", now);
}

/** The actions this person may take on the item now (which buttons to show); agrees with `transition`. */
export function allowedActions(
  item: RectificationItem,
  actor: RectificationActor,
): RectificationActionType[] {
  return RECTIFICATION_ACTION_TYPES.filter((type) => refusal(item, type, actor) === null);
}

/**
 * A new item, pending, from a finding (the server calls it when a submitted visit syncs); with its
 * "created" event, the first of its history. A 立行立改 finding with after-photos is then closed
 * by `transition` with close_on_site.
 */
export function openRectificationItem(
  input: RectificationItemInput,
  actor: Pick<RectificationActor, "userId" | "role">,
  now: number,
): { item: RectificationItem; event: TransitionEvent } {
  const item: RectificationItem = {
    ...input,
    status: "pending",
    afterPhotoIds: [],
    response: null,
    extension: null,
    returnReason: null,
    cancelReason: null,
    escalations: [],
    closedAt: null,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  return {
    item,
    event: {
      itemId: item.id,
      type: "created",
      actorId: actor.userId,
      actorRole: actor.role,
      at: now,
      payload: input,
    },
  };
}

/**
 * The school missed its deadline: still working on the item after its due date, or handed its
 * report in late. A report handed in on time is not overdue while it waits for review (that wait
 * is the reviewer's, `reviewOverdueDays`). Due today is not overdue; no due date never is.
 */
export function isOverdue(item: RectificationItem, today: DateString): boolean {
  return daysOverdue(item, today) > 0;
}

/**
 * Whole calendar days the school is past its deadline; 0 when not overdue. For a report awaiting
 * review it is fixed at how late the report came.
 */
export function daysOverdue(item: RectificationItem, today: DateString): number {
  if (isFinalStatus(item.status) || item.dueDate === null) return 0;
  const until =
    item.status === "submitted" && item.response !== null
      ? toChinaDate(item.response.submittedAt)
      : today;
  return Math.max(0, daysBetween(item.dueDate, until));
}

/**
 * 复查超时: calendar days past the reviewer's service time (`reviewDays` working days after the
 * report, the district's deadline policy); 0 when the item is not awaiting review or still in time.
 */
export function reviewOverdueDays(
  item: RectificationItem,
  policy: Pick<DeadlinePolicy, "reviewDays">,
  today: DateString,
): number {
  if (item.status !== "submitted" || item.response === null) return 0;
  return Math.max(0, daysBetween(reviewDueDate(item.response.submittedAt, policy), today));
}
