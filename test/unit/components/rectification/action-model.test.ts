import { describe, expect, it } from "vitest";

import { RECTIFICATION_ACTION_TYPES } from "@/lib/domain/rectification/rectification.schema";

import {
  ACTION_SPECS,
  initialValues,
  isScreenAction,
  type ScreenActionType,
  validateAction,
} from "@/components/rectification/action-model";

describe("validateAction", () => {
  it.each<[ScreenActionType, Record<string, unknown>, Record<string, string>]>([
    ["verify_return", { reason: "" }, { reason: "请填写退回理由" }],
    ["verify_return", { reason: "  好 " }, { reason: "请填写退回理由" }],
    ["refuse_extension", { reason: "" }, { reason: "请填写不同意延期的理由" }],
    ["cancel", { reason: "" }, { reason: "请填写撤销理由" }],
    ["escalate", { kind: "interview", note: "" }, { note: "请填写督办说明" }],
    [
      "request_extension",
      { requestedDueDate: "", reason: "" },
      { requestedDueDate: "日期格式应为 YYYY-MM-DD", reason: "请填写延期理由" },
    ],
    [
      "respond",
      { text: "已改", photoIds: [] },
      { text: "整改情况说明至少 5 个字", photoIds: "请至少上传 1 张整改后照片" },
    ],
  ])("refuses %s with %o in the schema's words", (type, values, errors) => {
    expect(validateAction(type, values)).toEqual({ ok: false, errors });
  });

  it.each<[ScreenActionType, Record<string, unknown>, unknown]>([
    [
      "verify_return",
      { reason: " 照片不清楚 ", dueDate: "" },
      { type: "verify_return", reason: "照片不清楚" },
    ],
    [
      "verify_return",
      { reason: "照片不清楚", dueDate: "2026-04-01" },
      { type: "verify_return", reason: "照片不清楚", dueDate: "2026-04-01" },
    ],
    [
      "approve_extension",
      { comment: "同意延期", dueDate: "" },
      { type: "approve_extension", comment: "同意延期" },
    ],
    ["verify_pass", initialValues("verify_pass"), { type: "verify_pass", note: "", photoIds: [] }],
    [
      "approve_extension",
      { ...initialValues("approve_extension", { dueDate: "2026-04-10" }), comment: "同意延期" },
      { type: "approve_extension", comment: "同意延期", dueDate: "2026-04-10" },
    ],
    ["acknowledge", initialValues("acknowledge"), { type: "acknowledge" }],
    [
      "respond",
      { text: "已更换灭火器并张贴检查卡", photoIds: ["a".repeat(64)] },
      { type: "respond", text: "已更换灭火器并张贴检查卡", photoIds: ["a".repeat(64)] },
    ],
  ])("builds %s from %o", (type, values, action) => {
    expect(validateAction(type, values)).toEqual({ ok: true, action });
  });

  it("never lets a typed value change the action's type", () => {
    expect(validateAction("verify_return", { type: "verify_pass", reason: "照片不清楚" })).toEqual({
      ok: true,
      action: { type: "verify_return", reason: "照片不清楚" },
    });
  });
});

describe("initialValues", () => {
  it("starts text empty, a choice at its first option, and photos none", () => {
    expect(initialValues("escalate")).toEqual({ kind: "interview", note: "" });
    expect(initialValues("respond")).toEqual({ text: "", photoIds: [] });
    expect(initialValues("approve_extension")).toEqual({ comment: "", dueDate: "" });
    expect(initialValues("verify_return", { dueDate: "2026-04-01" })).toEqual({
      reason: "",
      dueDate: "2026-04-01",
    });
  });
});

describe("ACTION_SPECS", () => {
  it("covers every action but the inspector's on-site close", () => {
    expect(Object.keys(ACTION_SPECS).sort()).toEqual(
      RECTIFICATION_ACTION_TYPES.filter(isScreenAction).sort(),
    );
  });
});
