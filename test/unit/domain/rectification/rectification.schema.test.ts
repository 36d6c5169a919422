import { describe, expect, it } from "vitest";

import {
  isFinalStatus,
  RECTIFICATION_ACTION_LABELS,
  RECTIFICATION_ACTION_TYPES,
  RECTIFICATION_STATUS_LABELS,
  rectificationActionSchema,
  rectificationItemSchema,
} from "@/lib/domain/rectification/rectification.schema";

import { aPhotoId, aRectificationItem } from "@/test/helpers/builders/rectification";

function firstMessage(result: {
  success: boolean;
  error?: { issues: { message: string }[] };
}): string | undefined {
  return result.error?.issues[0]?.message;
}

describe("rectificationItemSchema", () => {
  it("accepts a built item", () => {
    expect(rectificationItemSchema.parse(aRectificationItem())).toEqual(aRectificationItem());
  });

  it("accepts an item mid-loop with an answer, an extension and escalations", () => {
    const item = aRectificationItem({
      status: "returned",
      response: {
        text: "已更换全部过期灭火器",
        photoIds: [aPhotoId("c")],
        submittedAt: Date.UTC(2026, 2, 1),
      },
      extension: {
        requestedDueDate: "2026-04-10",
        reason: "供应商缺货",
        requestedAt: Date.UTC(2026, 2, 2),
      },
      returnReason: "照片未显示压力表读数",
      escalations: [
        {
          kind: "supervised",
          note: "挂牌督办",
          actorId: "user-office01",
          escalatedAt: Date.UTC(2026, 2, 3),
        },
      ],
      version: 5,
    });
    expect(rectificationItemSchema.safeParse(item).success).toBe(true);
  });

  it.each([
    ["status", { status: "overdue" }, "无效的整改状态"],
    ["severity", { severity: "fatal" }, "请选择问题等级"],
    ["mode", { mode: "later" }, "请选择整改方式"],
    ["dueDate", { dueDate: "2026/03/20" }, "日期格式应为 YYYY-MM-DD"],
    ["description", { description: "  " }, "请填写问题描述"],
    ["photoIds", { photoIds: ["not-a-hash"] }, "照片编号应为 64 位十六进制 SHA-256"],
    ["schoolId", { schoolId: "school-1" }, "无效的编号"],
    [
      "response",
      { response: { text: "已改", photoIds: [aPhotoId("c")], submittedAt: Date.UTC(2026, 2, 1) } },
      "整改情况说明至少 5 个字",
    ],
    [
      "extension",
      { extension: { requestedDueDate: "2026-04-10", reason: "", requestedAt: 1 } },
      "请填写延期理由",
    ],
  ])("rejects a bad %s", (_field, overrides, message) => {
    expect(
      firstMessage(rectificationItemSchema.safeParse({ ...aRectificationItem(), ...overrides })),
    ).toBe(message);
  });

  it("rejects version 0: an item starts at 1", () => {
    expect(rectificationItemSchema.safeParse(aRectificationItem({ version: 0 })).success).toBe(
      false,
    );
  });
});

describe("rectificationActionSchema", () => {
  it.each([
    { type: "acknowledge" },
    { type: "respond", text: "已更换全部过期灭火器", photoIds: [aPhotoId("c")] },
    { type: "request_extension", requestedDueDate: "2026-04-10", reason: "供应商缺货" },
    { type: "approve_extension", comment: "同意延期" },
    { type: "approve_extension", comment: "同意延期", dueDate: "2026-04-01" },
    { type: "refuse_extension", reason: "期限内可完成" },
    { type: "verify_pass", note: "", photoIds: [] },
    { type: "verify_return", reason: "照片不清晰" },
    { type: "verify_return", reason: "照片不清晰", dueDate: "2026-04-01" },
    { type: "escalate", kind: "supervised", note: "挂牌督办" },
    { type: "cancel", reason: "检查项适用错误" },
    { type: "close_on_site", photoIds: [aPhotoId("e")] },
  ])("accepts $type", (action) => {
    expect(rectificationActionSchema.safeParse(action).success).toBe(true);
  });

  it.each([
    [{ type: "reopen" }, "无效的操作"],
    [{ type: "respond", text: "已经整改", photoIds: [aPhotoId("c")] }, "整改情况说明至少 5 个字"],
    [{ type: "respond", text: "已更换全部过期灭火器", photoIds: [] }, "请至少上传 1 张整改后照片"],
    [
      { type: "respond", text: "已更换全部过期灭火器", photoIds: Array(21).fill(aPhotoId("c")) },
      "照片不能超过 20 张",
    ],
    [
      { type: "request_extension", requestedDueDate: "4月10日", reason: "供应商缺货" },
      "日期格式应为 YYYY-MM-DD",
    ],
    [{ type: "request_extension", requestedDueDate: "2026-04-10", reason: "缺" }, "请填写延期理由"],
    [{ type: "refuse_extension", reason: "" }, "请填写不同意延期的理由"],
    [{ type: "verify_pass", note: "好".repeat(501), photoIds: [] }, "复查意见不能超过 500 字"],
    [{ type: "verify_return", reason: "" }, "请填写退回理由"],
    [{ type: "verify_return", reason: "退".repeat(501) }, "理由不能超过 500 字"],
    [{ type: "escalate", kind: "warning", note: "挂牌督办" }, "请选择督办方式"],
    [{ type: "escalate", kind: "interview", note: "" }, "请填写督办说明"],
    [{ type: "cancel", reason: "" }, "请填写撤销理由"],
    [{ type: "close_on_site", photoIds: [] }, "立行立改须至少上传 1 张整改后照片"],
  ])("rejects %j with “%s”", (action, message) => {
    expect(firstMessage(rectificationActionSchema.safeParse(action))).toBe(message);
  });
});

describe("labels", () => {
  it("names every status in Chinese", () => {
    expect(RECTIFICATION_STATUS_LABELS).toEqual({
      pending: "待整改",
      in_progress: "整改中",
      submitted: "待复查",
      returned: "已退回",
      closed: "已销号",
      cancelled: "已撤销",
    });
  });

  it("lists every action once, each with a label", () => {
    expect(RECTIFICATION_ACTION_TYPES).toEqual(Object.keys(RECTIFICATION_ACTION_LABELS));
  });

  it.each([
    ["pending", false],
    ["in_progress", false],
    ["submitted", false],
    ["returned", false],
    ["closed", true],
    ["cancelled", true],
  ] as const)("treats %s as final: %s", (status, final) => {
    expect(isFinalStatus(status)).toBe(final);
  });
});
