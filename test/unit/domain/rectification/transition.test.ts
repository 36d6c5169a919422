import { describe, expect, it } from "vitest";

import { decisionChanges } from "@/lib/domain/rectification/decision";
import {
  RECTIFICATION_ACTION_TYPES,
  RECTIFICATION_STATUSES,
  type ExtensionRequest,
  type RectificationAction,
  type RectificationActionType,
  type RectificationActor,
  type RectificationItem,
  type RectificationStatus,
  rectificationItemInputSchema,
} from "@/lib/domain/rectification/rectification.schema";
import {
  allowedActions,
  daysOverdue,
  isOverdue,
  openRectificationItem,
  previewTransition,
  reviewOverdueDays,
  transition,
  type TransitionResult,
  withPolicyDefaults,
} from "@/lib/domain/rectification/transition";

import {
  aPhotoId,
  anActor,
  aRectificationItem,
  OTHER_SCHOOL_ID,
} from "@/test/helpers/builders/rectification";

/** 2026-03-10 10:00 in China. */
const NOW = Date.UTC(2026, 2, 10, 2, 0);

const ACTORS = {
  ownSchool: anActor(),
  otherSchool: anActor({ userId: "user-school02", schoolId: OTHER_SCHOOL_ID }),
  ownInspector: anActor({
    userId: "user-inspector01",
    role: "inspector",
    schoolId: null,
    inspectsSchool: true,
  }),
  otherInspector: anActor({
    userId: "user-inspector02",
    role: "inspector",
    schoolId: null,
    inspectsSchool: false,
  }),
  office: anActor({ userId: "user-office01", role: "office", schoolId: null }),
  admin: anActor({ userId: "user-admin", role: "admin", schoolId: null }),
} satisfies Record<string, RectificationActor>;
type ActorName = keyof typeof ACTORS;
const ACTOR_NAMES = Object.keys(ACTORS) as ActorName[];

type ActionOf<T extends RectificationActionType> = Extract<RectificationAction, { type: T }>;
const VALID: { [T in RectificationActionType]: ActionOf<T> } = {
  acknowledge: { type: "acknowledge" },
  respond: { type: "respond", text: "已更换全部过期灭火器", photoIds: [aPhotoId("c")] },
  request_extension: {
    type: "request_extension",
    requestedDueDate: "2026-04-10",
    reason: "供应商缺货，四月初到货",
  },
  approve_extension: { type: "approve_extension", comment: "同意延期至四月十日" },
  refuse_extension: { type: "refuse_extension", reason: "原期限内可以完成" },
  verify_pass: { type: "verify_pass", note: "复查已整改到位", photoIds: [aPhotoId("d")] },
  verify_return: { type: "verify_return", reason: "照片未显示压力表读数", dueDate: "2026-03-20" },
  escalate: { type: "escalate", kind: "interview", note: "逾期未整改，约谈校长" },
  cancel: { type: "cancel", reason: "检查项适用错误" },
  close_on_site: { type: "close_on_site", photoIds: [aPhotoId("e")] },
  verify_on_site: { type: "verify_on_site", note: "现场核实已更换", photoIds: [aPhotoId("f")] },
  record_still_open: { type: "record_still_open", note: "灭火器仍未更换" },
};

const PENDING_EXTENSION: ExtensionRequest = {
  requestedDueDate: "2026-04-10",
  reason: "供应商缺货，四月初到货",
  requestedAt: Date.UTC(2026, 2, 5),
};

/** The item each action needs to be possible at all: a pending extension to decide, an on-site finding to close. */
function itemFor(status: RectificationStatus, type: RectificationActionType): RectificationItem {
  return aRectificationItem({
    status,
    extension:
      type === "approve_extension" || type === "refuse_extension" ? PENDING_EXTENSION : null,
    ...(type === "close_on_site" ? { mode: "on_site", dueDate: null } : {}),
  });
}

function expectRefused(result: TransitionResult, code: string, reason: string) {
  expect(result).toEqual({ ok: false, code, message: reason });
}

function expectOk(result: TransitionResult): Extract<TransitionResult, { ok: true }> {
  if (!result.ok) throw new Error(`expected success, got ${result.code}: ${result.message}`);
  return result;
}

const X = "conflict";
/** The status after each action, per starting status, for an actor who may take it. */
const NEXT_STATUS: Record<RectificationActionType, readonly (RectificationStatus | typeof X)[]> = {
  //                  pending        in_progress    submitted    returned     closed cancelled
  acknowledge: ["in_progress", X, X, X, X, X],
  respond: ["submitted", "submitted", X, "submitted", X, X],
  request_extension: ["pending", "in_progress", X, "returned", X, X],
  approve_extension: ["pending", "in_progress", "submitted", "returned", X, X],
  refuse_extension: ["pending", "in_progress", "submitted", "returned", X, X],
  verify_pass: [X, X, "closed", X, X, X],
  verify_return: ["returned", "returned", "returned", "returned", X, X],
  escalate: ["pending", "in_progress", "submitted", "returned", X, X],
  cancel: ["cancelled", "cancelled", "cancelled", "cancelled", X, X],
  close_on_site: ["closed", X, X, X, X, X],
  verify_on_site: ["closed", "closed", X, "closed", X, X],
  record_still_open: ["pending", "in_progress", X, "returned", X, X],
};

/** docs/architecture.md §2: the school acts on its own items; its inspector or the office reviews; only the office decides. */
const WHO_MAY: Record<RectificationActionType, readonly ActorName[]> = {
  acknowledge: ["ownSchool"],
  respond: ["ownSchool"],
  request_extension: ["ownSchool"],
  approve_extension: ["office"],
  refuse_extension: ["office"],
  verify_pass: ["ownInspector", "office"],
  verify_return: ["ownInspector", "office"],
  escalate: ["ownInspector", "office"],
  cancel: ["office"],
  close_on_site: ["ownInspector"],
  verify_on_site: ["ownInspector"],
  record_still_open: ["ownInspector"],
};

/** The school has not reported: a return is the 复查's finding on site, the 责任督学's alone. */
const UNREPORTED: readonly RectificationStatus[] = ["pending", "in_progress", "returned"];
function whoMay(action: RectificationActionType, status: RectificationStatus) {
  return action === "verify_return" && UNREPORTED.includes(status)
    ? ["ownInspector"]
    : WHO_MAY[action];
}

const CASES = RECTIFICATION_ACTION_TYPES.flatMap((action) =>
  RECTIFICATION_STATUSES.flatMap((status, column) =>
    ACTOR_NAMES.map((actor) => {
      const next = NEXT_STATUS[action][column];
      const expected = !whoMay(action, status).includes(actor)
        ? "forbidden"
        : next === X
          ? "conflict"
          : next;
      return { action, status, actor, expected };
    }),
  ),
);

describe("transition", () => {
  it("covers every action, status and actor in the table", () => {
    expect(CASES).toHaveLength(12 * 6 * 6);
  });

  it.each(CASES)(
    "gives $expected when $actor does $action on a $status item",
    ({ action, status, actor, expected }) => {
      const item = itemFor(status, action);
      const before = structuredClone(item);
      const result = transition(item, VALID[action], ACTORS[actor], NOW);
      expect(item).toEqual(before);
      if (expected === "forbidden" || expected === "conflict") {
        expect(result).toMatchObject({ ok: false, code: expected });
        return;
      }
      const { item: next, event } = expectOk(result);
      expect(next.status).toBe(expected);
      expect(next.version).toBe(2);
      expect(next.updatedAt).toBe(NOW);
      expect(event).toMatchObject({
        itemId: item.id,
        type: action,
        actorId: ACTORS[actor].userId,
        actorRole: ACTORS[actor].role,
        at: NOW,
      });
    },
  );

  describe("who may act", () => {
    it("tells another school it may only handle its own items", () => {
      expectRefused(
        transition(aRectificationItem(), VALID.respond, ACTORS.otherSchool, NOW),
        "forbidden",
        "只能处理本校的整改事项",
      );
    });

    it("tells an inspector of another zone that only the school's inspector or the office may verify", () => {
      const item = aRectificationItem({ status: "submitted" });
      expectRefused(
        transition(item, VALID.verify_return, ACTORS.otherInspector, NOW),
        "forbidden",
        "只有该校的责任督学或督导室可以退回",
      );
    });

    it("tells the school's own inspector that only the office approves extensions", () => {
      const item = aRectificationItem({ extension: PENDING_EXTENSION });
      expectRefused(
        transition(item, VALID.approve_extension, ACTORS.ownInspector, NOW),
        "forbidden",
        "只有督导室可以同意延期",
      );
    });

    it("tells the office that only the inspected school answers", () => {
      expectRefused(
        transition(aRectificationItem(), VALID.respond, ACTORS.office, NOW),
        "forbidden",
        "只有被检查学校可以提交整改报告",
      );
    });

    it("treats a school account's inspectsSchool flag as irrelevant to reviewing", () => {
      const item = aRectificationItem({ status: "submitted" });
      const result = transition(item, VALID.verify_pass, anActor({ inspectsSchool: true }), NOW);
      expect(result).toMatchObject({ ok: false, code: "forbidden" });
    });

    it("keeps returning an item the school has not reported to the school's own inspector", () => {
      expectRefused(
        transition(aRectificationItem(), VALID.verify_return, ACTORS.office, NOW),
        "forbidden",
        "学校尚未报告整改的事项，只有该校的责任督学可以在现场复查时退回",
      );
    });

    it.each(["verify_on_site", "record_still_open"] as const)(
      "tells the office and other inspectors that %s is the school's own inspector's",
      (type) => {
        for (const actor of [ACTORS.office, ACTORS.otherInspector]) {
          expect(transition(aRectificationItem(), VALID[type], actor, NOW)).toMatchObject({
            ok: false,
            code: "forbidden",
          });
        }
      },
    );

    it("refuses as forbidden before looking at the state when both are wrong", () => {
      const item = aRectificationItem({ status: "closed" });
      expect(transition(item, VALID.respond, ACTORS.otherSchool, NOW)).toMatchObject({
        ok: false,
        code: "forbidden",
      });
    });
  });

  describe("state rules", () => {
    it("says a closed item is final", () => {
      const item = aRectificationItem({ status: "closed" });
      expectRefused(
        transition(item, VALID.cancel, ACTORS.office, NOW),
        "conflict",
        "该事项已销号，不能再撤销",
      );
    });

    it("says a cancelled item is final", () => {
      const item = aRectificationItem({ status: "cancelled" });
      expectRefused(
        transition(item, VALID.escalate, ACTORS.office, NOW),
        "conflict",
        "该事项已撤销，不能再督办",
      );
    });

    it("names the current status when an open item cannot take the action", () => {
      const item = aRectificationItem({ status: "submitted" });
      expectRefused(
        transition(item, VALID.respond, ACTORS.ownSchool, NOW),
        "conflict",
        "该事项当前为「待复查」，不能提交整改报告",
      );
    });

    it("blocks a second extension request while one is pending", () => {
      const item = aRectificationItem({ extension: PENDING_EXTENSION });
      expectRefused(
        transition(item, VALID.request_extension, ACTORS.ownSchool, NOW),
        "conflict",
        "已有待审批的延期申请，请等待督导室审批",
      );
    });

    it("refuses an extension for an item without a due date", () => {
      const item = aRectificationItem({ mode: "on_site", dueDate: null });
      expectRefused(
        transition(item, VALID.request_extension, ACTORS.ownSchool, NOW),
        "conflict",
        "该事项没有整改期限，无需申请延期",
      );
    });

    it.each(["approve_extension", "refuse_extension"] as const)(
      "refuses %s when no extension is pending",
      (type) => {
        expectRefused(
          transition(aRectificationItem(), VALID[type], ACTORS.office, NOW),
          "conflict",
          "没有待审批的延期申请",
        );
      },
    );

    it("refuses to close a 限期整改 item on site", () => {
      expectRefused(
        transition(aRectificationItem(), VALID.close_on_site, ACTORS.ownInspector, NOW),
        "conflict",
        "限期整改事项不能立行立改销号，请在复查时销号",
      );
    });
  });

  describe("data rules", () => {
    const onSite = aRectificationItem({ mode: "on_site", dueDate: null });
    it.each([
      [
        "respond",
        aRectificationItem(),
        { ...VALID.respond, text: "  已改 " },
        "整改情况说明至少 5 个字",
      ],
      [
        "respond",
        aRectificationItem(),
        { ...VALID.respond, photoIds: [] },
        "请至少上传 1 张整改后照片",
      ],
      [
        "request_extension",
        aRectificationItem(),
        { ...VALID.request_extension, reason: " " },
        "请填写延期理由",
      ],
      [
        "request_extension",
        aRectificationItem(),
        { ...VALID.request_extension, requestedDueDate: "2026/04/10" },
        "日期格式应为 YYYY-MM-DD",
      ],
      [
        "verify_return",
        aRectificationItem({ status: "submitted" }),
        { ...VALID.verify_return, reason: "" },
        "请填写退回理由",
      ],
      [
        "refuse_extension",
        aRectificationItem({ extension: PENDING_EXTENSION }),
        { ...VALID.refuse_extension, reason: "" },
        "请填写不同意延期的理由",
      ],
      ["cancel", aRectificationItem(), { ...VALID.cancel, reason: "  " }, "请填写撤销理由"],
      ["escalate", aRectificationItem(), { ...VALID.escalate, note: "" }, "请填写督办说明"],
      [
        "close_on_site",
        onSite,
        { ...VALID.close_on_site, photoIds: [] },
        "立行立改须至少上传 1 张整改后照片",
      ],
    ] satisfies [RectificationActionType, RectificationItem, RectificationAction, string][])(
      "rejects %s when the data breaks a rule (%#)",
      (type, item, action, reason) => {
        const actor = WHO_MAY[type][0] ?? "office";
        expectRefused(transition(item, action, ACTORS[actor], NOW), "invalid_input", reason);
      },
    );

    it("rejects an extension date that is not after the current due date", () => {
      const action = { ...VALID.request_extension, requestedDueDate: "2026-03-20" };
      expectRefused(
        transition(aRectificationItem(), action, ACTORS.ownSchool, NOW),
        "invalid_input",
        "延期后的日期须晚于原整改期限 2026-03-20",
      );
    });

    it("rejects an extension date that is not after today in China", () => {
      // 2026-03-14 17:00 UTC is already 03-15 in China.
      const item = aRectificationItem({ dueDate: "2026-03-01" });
      const action = { ...VALID.request_extension, requestedDueDate: "2026-03-15" };
      expectRefused(
        transition(item, action, ACTORS.ownSchool, Date.UTC(2026, 2, 14, 17)),
        "invalid_input",
        "延期后的日期须晚于今天",
      );
    });

    it("accepts an extension date one day after today in China", () => {
      const item = aRectificationItem({ dueDate: "2026-03-01" });
      const action = { ...VALID.request_extension, requestedDueDate: "2026-03-16" };
      expect(transition(item, action, ACTORS.ownSchool, Date.UTC(2026, 2, 14, 17)).ok).toBe(true);
    });
  });

  describe("effects", () => {
    it("records the school's answer trimmed and hands the item in for review", () => {
      const action = { ...VALID.respond, text: "  已更换全部过期灭火器  " };
      const { item, event } = expectOk(
        transition(aRectificationItem({ status: "in_progress" }), action, ACTORS.ownSchool, NOW),
      );
      expect(item.response).toEqual({
        text: "已更换全部过期灭火器",
        photoIds: [aPhotoId("c")],
        submittedAt: NOW,
      });
      expect(event.payload).toEqual({ text: "已更换全部过期灭火器", photoIds: [aPhotoId("c")] });
    });

    it("keeps the return reason when the school answers again", () => {
      const returned = aRectificationItem({
        status: "returned",
        returnReason: "照片未显示压力表读数",
      });
      const { item } = expectOk(transition(returned, VALID.respond, ACTORS.ownSchool, NOW));
      expect(item).toMatchObject({ status: "submitted", returnReason: "照片未显示压力表读数" });
    });

    it("records why an answer was sent back", () => {
      const submitted = aRectificationItem({ status: "submitted" });
      const { item, event } = expectOk(
        transition(submitted, VALID.verify_return, ACTORS.ownInspector, NOW),
      );
      expect(item).toMatchObject({ returnReason: "照片未显示压力表读数", dueDate: "2026-03-20" });
      expect(event.payload).toEqual({ reason: "照片未显示压力表读数", dueDate: "2026-03-20" });
    });

    it("gives a returned item the reviewer's new deadline", () => {
      const submitted = aRectificationItem({ status: "submitted", dueDate: "2026-03-01" });
      const { item } = expectOk(
        transition(
          submitted,
          { type: "verify_return", reason: "照片不清楚", dueDate: "2026-03-25" },
          ACTORS.office,
          NOW,
        ),
      );
      expect(item).toMatchObject({ status: "returned", dueDate: "2026-03-25" });
    });

    it.each([
      [undefined, "请设定退回后新的整改期限"],
      ["2026-03-10", "新的整改期限须晚于今天"],
      ["2030-01-01", "整改期限 2030-01-01 晚于三年后"],
    ])("refuses a return with the new deadline %s", (dueDate, reason) => {
      const submitted = aRectificationItem({ status: "submitted" });
      expectRefused(
        transition(
          submitted,
          { type: "verify_return", reason: "照片不清楚", dueDate },
          ACTORS.office,
          NOW,
        ),
        "invalid_input",
        reason,
      );
    });

    it("fills a return's missing deadline from the district's policy", () => {
      const action = { type: "verify_return" as const, reason: "照片不清楚" };
      expect(withPolicyDefaults(action, { returnDays: 10 }, "2026-03-10")).toEqual({
        ...action,
        dueDate: "2026-03-20",
      });
      const chosen = { ...action, dueDate: "2026-04-01" };
      expect(withPolicyDefaults(chosen, { returnDays: 10 }, "2026-03-10")).toBe(chosen);
      expect(withPolicyDefaults(VALID.cancel, { returnDays: 10 }, "2026-03-10")).toBe(VALID.cancel);
    });

    it("holds an extension request without changing the due date or status", () => {
      const { item } = expectOk(
        transition(aRectificationItem(), VALID.request_extension, ACTORS.ownSchool, NOW),
      );
      expect(item).toMatchObject({
        status: "pending",
        dueDate: "2026-03-20",
        extension: {
          requestedDueDate: "2026-04-10",
          reason: "供应商缺货，四月初到货",
          requestedAt: NOW,
        },
      });
    });

    it("moves the due date to the requested one when the office approves", () => {
      const item = aRectificationItem({ status: "in_progress", extension: PENDING_EXTENSION });
      const { item: next } = expectOk(
        transition(item, VALID.approve_extension, ACTORS.office, NOW),
      );
      expect(next).toMatchObject({ status: "in_progress", dueDate: "2026-04-10", extension: null });
    });

    it("grants another date than the requested one, with the office's comment", () => {
      const item = aRectificationItem({ extension: PENDING_EXTENSION });
      const action = {
        type: "approve_extension" as const,
        comment: "同意，提前完成",
        dueDate: "2026-04-01",
      };
      const { item: next, event } = expectOk(transition(item, action, ACTORS.office, NOW));
      expect(next).toMatchObject({ dueDate: "2026-04-01", extension: null });
      expect(event.payload).toEqual({ comment: "同意，提前完成", dueDate: "2026-04-01" });
    });

    it.each([
      [{ comment: "" }, "请填写审批意见"],
      [{ comment: "同意", dueDate: "2026-03-15" }, "延期后的日期须晚于原整改期限 2026-03-20"],
    ])("refuses an approval %j", (fields, reason) => {
      const item = aRectificationItem({ extension: PENDING_EXTENSION });
      expectRefused(
        transition(item, { type: "approve_extension", ...fields }, ACTORS.office, NOW),
        "invalid_input",
        reason,
      );
    });

    it("keeps the due date when the office refuses", () => {
      const item = aRectificationItem({ extension: PENDING_EXTENSION });
      const { item: next, event } = expectOk(
        transition(item, VALID.refuse_extension, ACTORS.office, NOW),
      );
      expect(next).toMatchObject({ dueDate: "2026-03-20", extension: null });
      expect(event.payload).toEqual({ reason: "原期限内可以完成" });
    });

    it("closes with the review's photos and drops a pending extension on 销号", () => {
      const item = aRectificationItem({ status: "submitted", extension: PENDING_EXTENSION });
      const { item: next } = expectOk(transition(item, VALID.verify_pass, ACTORS.office, NOW));
      expect(next).toMatchObject({
        status: "closed",
        closedAt: NOW,
        afterPhotoIds: [aPhotoId("d")],
        extension: null,
      });
    });

    it("closes an unreported item verified on site, with its after-photo and note", () => {
      const item = aRectificationItem({ status: "in_progress", extension: PENDING_EXTENSION });
      const { item: next, event } = expectOk(
        transition(item, VALID.verify_on_site, ACTORS.ownInspector, NOW),
      );
      expect(next).toMatchObject({
        status: "closed",
        closedAt: NOW,
        afterPhotoIds: [aPhotoId("f")],
        extension: null,
        response: null,
      });
      expect(event.payload).toEqual({ note: "现场核实已更换", photoIds: [aPhotoId("f")] });
    });

    it("refuses an on-site 销号 without an after-photo", () => {
      expectRefused(
        transition(
          aRectificationItem(),
          { ...VALID.verify_on_site, photoIds: [] },
          ACTORS.ownInspector,
          NOW,
        ),
        "invalid_input",
        "现场核实销号须至少拍 1 张整改后照片",
      );
    });

    it("records an item still open without changing its state or deadline", () => {
      const item = aRectificationItem({ status: "returned", returnReason: "照片不清" });
      const { item: next, event } = expectOk(
        transition(item, VALID.record_still_open, ACTORS.ownInspector, NOW),
      );
      expect(next).toEqual({ ...item, version: item.version + 1, updatedAt: NOW });
      expect(event).toMatchObject({
        type: "record_still_open",
        payload: { note: "灭火器仍未更换" },
      });
      expect(decisionChanges(item, next)).toEqual([]);
    });

    it("asks what was seen when an item is recorded still open", () => {
      expectRefused(
        transition(
          aRectificationItem(),
          { type: "record_still_open", note: " " },
          ACTORS.ownInspector,
          NOW,
        ),
        "invalid_input",
        "请填写现场看到的情况",
      );
    });

    it("returns an unreported item with the reason and a new deadline", () => {
      const item = aRectificationItem({ status: "pending", dueDate: "2026-03-05" });
      const { item: next } = expectOk(
        transition(item, VALID.verify_return, ACTORS.ownInspector, NOW),
      );
      expect(next).toMatchObject({
        status: "returned",
        returnReason: "照片未显示压力表读数",
        dueDate: "2026-03-20",
      });
      expect(decisionChanges(item, next)).toEqual([
        { label: "状态", before: "待整改", after: "已退回" },
        { label: "整改期限", before: "2026-03-05", after: "2026-03-20" },
      ]);
    });

    it("closes an on-site finding with the after-photos", () => {
      const item = aRectificationItem({ mode: "on_site", dueDate: null });
      const { item: next } = expectOk(
        transition(item, VALID.close_on_site, ACTORS.ownInspector, NOW),
      );
      expect(next).toMatchObject({
        status: "closed",
        closedAt: NOW,
        afterPhotoIds: [aPhotoId("e")],
      });
    });

    it("records the reason and drops a pending extension when the office cancels", () => {
      const item = aRectificationItem({ status: "returned", extension: PENDING_EXTENSION });
      const { item: next } = expectOk(transition(item, VALID.cancel, ACTORS.office, NOW));
      expect(next).toMatchObject({
        status: "cancelled",
        cancelReason: "检查项适用错误",
        extension: null,
        closedAt: null,
      });
    });

    it.each(["pending", "in_progress", "submitted", "returned"] as const)(
      "leaves a %s item's status alone when escalating and appends the escalation",
      (status) => {
        const earlier = {
          kind: "circular" as const,
          note: "全区通报",
          actorId: "user-office01",
          escalatedAt: 1,
        };
        const item = aRectificationItem({ status, escalations: [earlier] });
        const { item: next } = expectOk(transition(item, VALID.escalate, ACTORS.ownInspector, NOW));
        expect(next.status).toBe(status);
        expect(next.version).toBe(2);
        expect(next.escalations).toEqual([
          earlier,
          {
            kind: "interview",
            note: "逾期未整改，约谈校长",
            actorId: "user-inspector01",
            escalatedAt: NOW,
          },
        ]);
      },
    );

    it("counts versions across a whole loop", () => {
      const steps: [RectificationAction, RectificationActor][] = [
        [VALID.acknowledge, ACTORS.ownSchool],
        [VALID.respond, ACTORS.ownSchool],
        [VALID.verify_return, ACTORS.ownInspector],
        [VALID.respond, ACTORS.ownSchool],
        [VALID.verify_pass, ACTORS.office],
      ];
      const end = steps.reduce(
        (item, [action, actor]) => expectOk(transition(item, action, actor, NOW)).item,
        aRectificationItem(),
      );
      expect(end).toMatchObject({ status: "closed", version: 6 });
    });
  });
});

describe("allowedActions", () => {
  const VARIANTS = RECTIFICATION_STATUSES.flatMap((status) => [
    { label: `${status} 限期整改`, item: aRectificationItem({ status }) },
    {
      label: `${status} 限期整改 with an extension pending`,
      item: aRectificationItem({ status, extension: PENDING_EXTENSION }),
    },
    {
      label: `${status} 立行立改`,
      item: aRectificationItem({ status, mode: "on_site", dueDate: null }),
    },
  ]);
  const CASES = VARIANTS.flatMap((variant) => ACTOR_NAMES.map((actor) => ({ ...variant, actor })));

  it.each(CASES)("agrees with transition for $actor on a $label item", ({ item, actor }) => {
    const succeeding = RECTIFICATION_ACTION_TYPES.filter(
      (type) => transition(item, VALID[type], ACTORS[actor], NOW).ok,
    );
    expect(allowedActions(item, ACTORS[actor])).toEqual(succeeding);
  });

  it.each([
    ["ownSchool", ["acknowledge", "respond", "request_extension"]],
    ["otherSchool", []],
    ["ownInspector", ["verify_return", "escalate", "verify_on_site", "record_still_open"]],
    ["otherInspector", []],
    ["office", ["escalate", "cancel"]],
    ["admin", []],
  ] as const)("offers %s exactly %j on a pending 限期整改 item", (actor, expected) => {
    expect(allowedActions(aRectificationItem(), ACTORS[actor])).toEqual(expected);
  });

  it("offers the reviewer pass, return and escalate on a submitted item", () => {
    expect(
      allowedActions(aRectificationItem({ status: "submitted" }), ACTORS.ownInspector),
    ).toEqual(["verify_pass", "verify_return", "escalate"]);
  });
});

describe("openRectificationItem", () => {
  it("opens a pending item at version 1 with a created event carrying the finding", () => {
    // Parsing keeps only the input's fields.
    const input = rectificationItemInputSchema.parse(aRectificationItem());
    const inspector = { userId: "user-inspector01", role: "inspector" as const };
    const { item, event } = openRectificationItem(input, inspector, NOW);
    expect(item).toEqual(aRectificationItem({ createdAt: NOW, updatedAt: NOW }));
    expect(event).toEqual({
      itemId: item.id,
      type: "created",
      actorId: "user-inspector01",
      actorRole: "inspector",
      at: NOW,
      payload: input,
    });
  });
});

describe("isOverdue and daysOverdue", () => {
  it.each([
    ["pending", "2026-03-20", "2026-03-19", false, 0],
    ["pending", "2026-03-20", "2026-03-20", false, 0],
    ["pending", "2026-03-20", "2026-03-21", true, 1],
    ["in_progress", "2026-02-27", "2026-03-02", true, 3],
    ["returned", "2026-03-20", "2026-04-20", true, 31],
    ["returned", "2025-12-31", "2026-01-01", true, 1],
    ["closed", "2026-03-20", "2026-04-20", false, 0],
    ["cancelled", "2026-03-20", "2026-04-20", false, 0],
    ["pending", null, "2026-04-20", false, 0],
  ] as const)(
    "on a %s item due %s, on %s overdue is %s by %i days",
    (status, dueDate, today, overdue, days) => {
      const item = aRectificationItem({ status, dueDate });
      expect(isOverdue(item, today)).toBe(overdue);
      expect(daysOverdue(item, today)).toBe(days);
    },
  );

  const reported = (day: string) => ({
    text: "已更换全部过期灭火器",
    photoIds: [aPhotoId("c")],
    // 10:00 China time on that day.
    submittedAt: Date.parse(`${day}T02:00:00Z`),
  });

  it("is not overdue while a report handed in on time waits for review", () => {
    const item = aRectificationItem({ status: "submitted", response: reported("2026-03-18") });
    expect(isOverdue(item, "2026-05-08")).toBe(false);
    expect(daysOverdue(item, "2026-05-08")).toBe(0);
  });

  it("counts a late report as late by the days it came after the deadline", () => {
    const item = aRectificationItem({ status: "submitted", response: reported("2026-03-23") });
    expect(daysOverdue(item, "2026-05-08")).toBe(3);
  });
});

describe("reviewOverdueDays (复查超时)", () => {
  // Thursday 2026-03-19: 5 working days later is Thursday 2026-03-26.
  const submitted = aRectificationItem({
    status: "submitted",
    response: {
      text: "已更换全部过期灭火器",
      photoIds: [aPhotoId("c")],
      submittedAt: Date.parse("2026-03-19T02:00:00Z"),
    },
  });

  it.each([
    ["2026-03-26", 0],
    ["2026-03-27", 1],
    ["2026-03-30", 4],
  ])("on %s is %i days", (today, days) => {
    expect(reviewOverdueDays(submitted, { reviewDays: 5 }, today)).toBe(days);
  });

  it("is 0 for an item that awaits no review", () => {
    expect(reviewOverdueDays(aRectificationItem(), { reviewDays: 5 }, "2027-01-01")).toBe(0);
    const returned = { ...submitted, status: "returned" as const };
    expect(reviewOverdueDays(returned, { reviewDays: 5 }, "2027-01-01")).toBe(0);
  });
});

describe("previewTransition and decisionChanges", () => {
  it("shows a return's status and deadline before and after", () => {
    const item = aRectificationItem({ status: "submitted" });
    const action = { type: "verify_return" as const, reason: "照片不清楚", dueDate: "2026-03-27" };
    expect(decisionChanges(item, previewTransition(item, action, NOW))).toEqual([
      { label: "状态", before: "待复查", after: "已退回" },
      { label: "整改期限", before: "2026-03-20", after: "2026-03-27" },
    ]);
  });

  it("shows an approval's deadline and the request it settles", () => {
    const item = aRectificationItem({ extension: PENDING_EXTENSION });
    const action = { type: "approve_extension" as const, comment: "同意延期" };
    expect(decisionChanges(item, previewTransition(item, action, NOW))).toEqual([
      { label: "整改期限", before: "2026-03-20", after: "2026-04-10" },
      { label: "延期申请", before: "申请延期至 2026-04-10", after: "无" },
    ]);
  });

  it("names an escalation", () => {
    const item = aRectificationItem();
    expect(decisionChanges(item, previewTransition(item, VALID.escalate, NOW))).toEqual([
      { label: "督办", before: "无", after: "约谈" },
    ]);
  });
});
