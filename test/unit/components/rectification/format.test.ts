import { describe, expect, it } from "vitest";

import { chineseDate } from "@/lib/domain/dates";
import type { RectificationEvent } from "@/lib/domain/rectification/events";
import { noticeDeadlineText } from "@/lib/domain/rectification/notice-text";
import type { SyncSnapshot } from "@/lib/sync/sync-engine";

import {
  deadlineText,
  describeAction,
  describeEvents,
  formatRate,
  sendStateText,
  statusCountsText,
  unreadFirst,
} from "@/components/rectification/format";

import { aRectificationItem, ITEM_ID } from "../../../helpers/builders/rectification";

const AT = Date.UTC(2026, 2, 20, 2, 5); // 2026-03-20 10:05 China time

let nextSeq = 1;
function anEvent(
  type: RectificationEvent["type"],
  payload: RectificationEvent["payload"],
  overrides: Partial<RectificationEvent> = {},
): RectificationEvent {
  const seq = nextSeq++;
  return {
    id: `0195f3a0-0000-7000-8000-${String(seq).padStart(12, "0")}`,
    itemId: ITEM_ID,
    seq,
    type,
    actorId: "u-office",
    actorRole: "office",
    at: AT,
    payload,
    prevHash: "0".repeat(64),
    hash: "1".repeat(64),
    ...overrides,
  };
}

describe("chineseDate", () => {
  it.each([
    ["2026-03-20", "2026年3月20日"],
    ["2026-11-05", "2026年11月5日"],
  ])("writes %s as %s", (date, expected) => {
    expect(chineseDate(date)).toBe(expected);
  });
});

describe("formatRate", () => {
  it.each([
    [null, "—"],
    [0, "0%"],
    [0.8333, "83%"],
    [1, "100%"],
  ])("shows %s as %s", (rate, expected) => {
    expect(formatRate(rate)).toBe(expected);
  });
});

describe("deadlineText and noticeDeadlineText", () => {
  it.each([
    [
      { mode: "deadline", dueDate: "2026-03-20", status: "pending" },
      "2026-03-20 前",
      "2026年3月20日前完成整改",
    ],
    [{ mode: "on_site", dueDate: null, status: "closed" }, "立行立改", "已立行立改"],
    [{ mode: "on_site", dueDate: null, status: "pending" }, "立行立改", "立行立改（现场整改）"],
  ] as const)("words %o for lists and for the notice", (item, list, notice) => {
    expect(deadlineText(item)).toBe(list);
    expect(noticeDeadlineText(item)).toBe(notice);
  });
});

describe("statusCountsText", () => {
  it("names the states that have items, in lifecycle order", () => {
    expect(
      statusCountsText({
        pending: 1,
        in_progress: 0,
        submitted: 2,
        returned: 0,
        closed: 3,
        cancelled: 0,
      }),
    ).toBe("待整改 1 · 待复查 2 · 已销号 3");
  });
});

describe("unreadFirst", () => {
  it("puts unread notices first, each group newest first", () => {
    const notices = [
      { id: "read-old", readAt: 5, issuedAt: 1 },
      { id: "unread-old", readAt: null, issuedAt: 2 },
      { id: "read-new", readAt: 6, issuedAt: 4 },
      { id: "unread-new", readAt: null, issuedAt: 3 },
    ];
    expect(unreadFirst(notices).map((n) => n.id)).toEqual([
      "unread-new",
      "unread-old",
      "read-new",
      "read-old",
    ]);
  });
});

describe("describeEvents", () => {
  const names = new Map([
    ["u-office", "陈主任"],
    ["u-school", "示范区实验小学"],
  ]);

  it("names the step, the person and the role, and words the payload", () => {
    const item = aRectificationItem();
    const events = [
      anEvent(
        "created",
        { ...item, photoIds: [item.photoIds[0]!] },
        { actorId: "u-inspector", actorRole: "inspector" },
      ),
      anEvent(
        "respond",
        { text: "已更换灭火器", photoIds: ["a".repeat(64), "b".repeat(64)] },
        { actorId: "u-school", actorRole: "school" },
      ),
      anEvent("verify_return", { reason: "照片不清楚" }),
      anEvent("escalate", { kind: "interview", note: "约谈校长" }),
      anEvent("verify_pass", { note: "", photoIds: [] }),
    ];
    expect(describeEvents(events, names)).toEqual([
      {
        title: "发现问题",
        actor: "u-inspector",
        role: "督学",
        details: [
          "问题：教学楼二层灭火器压力不足",
          "整改要求：更换或重新充装灭火器",
          "整改期限：2026-03-20",
          "检查照片 1 张",
        ],
      },
      {
        title: "提交整改报告",
        actor: "示范区实验小学",
        role: "学校",
        details: ["整改情况：已更换灭火器", "整改后照片 2 张"],
      },
      { title: "退回", actor: "陈主任", role: "督导室", details: ["理由：照片不清楚"] },
      { title: "督办", actor: "陈主任", role: "督导室", details: ["方式：约谈", "说明：约谈校长"] },
      { title: "复查通过（销号）", actor: "陈主任", role: "督导室", details: [] },
    ]);
  });

  it("gives an approval the due date its request asked for", () => {
    const events = [
      anEvent(
        "request_extension",
        { requestedDueDate: "2026-04-30", reason: "设备采购周期长" },
        { actorRole: "school" },
      ),
      anEvent("approve_extension", {}),
    ];
    expect(describeEvents(events, names).map((e) => e.details)).toEqual([
      ["申请延期至：2026-04-30", "理由：设备采购周期长"],
      ["新的整改期限：2026-04-30"],
    ]);
  });

  it("skips payload fields that are missing or of another shape", () => {
    const events = [
      anEvent("cancel", { reason: 42 }),
      anEvent("escalate", { kind: "unknown", note: "说明" }),
    ];
    expect(describeEvents(events, names).map((e) => e.details)).toEqual([[], ["说明：说明"]]);
  });
});

describe("describeAction", () => {
  it("words a 复查's decisions still on the phone as their history will", () => {
    expect(
      describeAction({
        type: "verify_on_site",
        note: "现场核实已整改到位",
        photoIds: ["a".repeat(64)],
      }),
    ).toEqual(["复查意见：现场核实已整改到位", "现场核实照片 1 张"]);
    expect(describeAction({ type: "record_still_open", note: "水带仍未补齐" })).toEqual([
      "现场情况：水带仍未补齐",
    ]);
    expect(
      describeAction({ type: "verify_return", reason: "仍未整改", dueDate: "2026-04-03" }),
    ).toEqual(["理由：仍未整改", "新的整改期限：2026-04-03"]);
  });
});

describe("sendStateText", () => {
  const snapshot = (overrides: Partial<SyncSnapshot>): SyncSnapshot => ({
    status: "idle",
    pendingCount: 1,
    rejectedCount: 0,
    lastSyncAt: null,
    lastError: null,
    nextRetryAt: null,
    ...overrides,
  });

  it.each([
    [snapshot({ status: "syncing" }), "正在提交…"],
    [snapshot({ status: "offline" }), "网络不可用：已保存在本机，网络恢复后自动提交"],
    [
      snapshot({ status: "backoff", nextRetryAt: AT }),
      "服务器暂时无法处理：已保存在本机，将于 2026-03-20 10:05 自动重试",
    ],
    [snapshot({ status: "backoff" }), "服务器暂时无法处理：已保存在本机，稍后自动重试"],
    [snapshot({ status: "needs-auth" }), "登录已失效：请重新登录，填写的内容和照片已保存在本机"],
    [snapshot({ status: "idle" }), "已保存在本机，等待提交…"],
  ])("tells the school where its work is (%#)", (sync, expected) => {
    expect(sendStateText(sync)).toBe(expected);
  });
});
