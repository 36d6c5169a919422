import { describe, expect, it } from "vitest";

import {
  DEFAULT_DEADLINE_POLICY,
  type DeadlinePolicy,
} from "@/lib/domain/template/deadline-policy";
import type { Judgement, Severity, TemplateItem } from "@/lib/domain/template/template.schema";
import {
  editAnswer,
  offeredDueDate,
  withAfterPhoto,
  type AnswerEdit,
} from "@/lib/domain/visit/answer-edit";
import type { Answer, FindingChoice } from "@/lib/domain/visit/answer.schema";

import { aClassSizeItem, anAnswer, aTemplateItem } from "@/test/helpers/builders/template";
import { aPhotoHash } from "@/test/helpers/builders/visit";

const judgementItem = aTemplateItem();
const numberItem = aClassSizeItem();
const choiceItem = aTemplateItem({
  code: "XF-002",
  response: {
    type: "choice",
    options: [
      { value: "ok", label: "压力正常", result: "pass" },
      { value: "low", label: "压力偏低", result: "partial" },
    ],
  },
});
const textItem = aTemplateItem({ code: "AQ-009", response: { type: "text" } });
const finding: FindingChoice = {
  severity: "major",
  rectification: { mode: "deadline", dueDate: "2026-03-16" },
  requiredAction: "",
};

function edit(item: TemplateItem, current: Partial<Answer> | undefined, change: AnswerEdit) {
  const answer =
    current && anAnswer({ templateCode: "campus-safety", itemCode: item.code, ...current });
  return editAnswer("campus-safety", item, answer, change);
}

describe("editAnswer", () => {
  it("starts a blank answer for the item on the first edit", () => {
    expect(edit(judgementItem, undefined, { kind: "result", result: "fail" })).toEqual({
      templateCode: "campus-safety",
      itemCode: "AQ-001",
      result: "fail",
      value: null,
      note: "",
      photoIds: [],
      finding: null,
    });
  });

  it.each<[TemplateItem, Judgement | null, Judgement, Judgement | null, number | string | null]>([
    [judgementItem, "pass", "fail", "fail", null],
    [judgementItem, "fail", "fail", null, null],
    [numberItem, null, "na", "na", 58],
    [numberItem, "na", "na", "fail", 58],
    [choiceItem, "na", "na", "partial", "low"],
  ])("on %#: result %s, tapping %s → %s", (item, before, tapped, after, value) => {
    expect(edit(item, { result: before, value }, { kind: "result", result: tapped }).result).toBe(
      after,
    );
  });

  it.each<[TemplateItem, Judgement | null, number | string | null, Judgement | null]>([
    [numberItem, null, 56, "pass"],
    [numberItem, "pass", 57, "fail"],
    [numberItem, "na", 40, "pass"],
    [numberItem, "na", null, "na"],
    [numberItem, "fail", null, null],
    [choiceItem, null, "low", "partial"],
    [textItem, null, "无异常", null],
    [textItem, "na", "无异常", "na"],
  ])("on %#: result %s, value %j → %s", (item, before, value, after) => {
    const next = edit(item, { result: before, value: null }, { kind: "value", value });
    expect(next).toMatchObject({ value, result: after });
  });

  it("adds a photo once and removes it", () => {
    const photo = aPhotoHash("a");
    const added = edit(
      judgementItem,
      { photoIds: [aPhotoHash("b")] },
      { kind: "addPhoto", photoId: photo },
    );
    expect(added.photoIds).toEqual([aPhotoHash("b"), photo]);
    expect(
      editAnswer(
        "campus-safety",
        judgementItem,
        { ...anAnswer(), ...added },
        { kind: "addPhoto", photoId: photo },
      ).photoIds,
    ).toHaveLength(2);
    expect(
      edit(judgementItem, { photoIds: [photo] }, { kind: "removePhoto", photoId: photo }).photoIds,
    ).toEqual([]);
  });

  it("keeps everything else when the note or the finding changes", () => {
    const current = { result: "fail" as const, photoIds: [aPhotoHash("c")], note: "旧" };
    expect(edit(judgementItem, current, { kind: "note", note: "门卫未登记" })).toMatchObject({
      ...current,
      note: "门卫未登记",
    });
    expect(edit(judgementItem, current, { kind: "finding", finding })).toMatchObject({
      ...current,
      finding,
    });
  });
});

describe("withAfterPhoto", () => {
  it("switches a 限期整改 finding to 立行立改 with the after-photo", () => {
    expect(withAfterPhoto(finding, aPhotoHash("d"), "add").rectification).toEqual({
      mode: "on_site",
      afterPhotoIds: [aPhotoHash("d")],
    });
  });

  it("removes an after-photo and keeps the mode", () => {
    const onSite: FindingChoice = {
      ...finding,
      rectification: { mode: "on_site", afterPhotoIds: [aPhotoHash("d"), aPhotoHash("e")] },
    };
    expect(withAfterPhoto(onSite, aPhotoHash("d"), "remove").rectification).toEqual({
      mode: "on_site",
      afterPhotoIds: [aPhotoHash("e")],
    });
  });
});

describe("replacing a photo with its annotated copy", () => {
  const photos = [aPhotoHash("a"), aPhotoHash("b"), aPhotoHash("c")];

  it.each([
    ["puts the copy where the photo was", "d", ["a", "d", "c"]],
    ["never lists a photo twice when the replacement is there already", "a", ["a", "c"]],
  ])("%s", (_, by, expected) => {
    const change: AnswerEdit = {
      kind: "replacePhoto",
      photoId: aPhotoHash("b"),
      by: aPhotoHash(by),
    };
    expect(edit(judgementItem, { result: "fail", photoIds: photos }, change).photoIds).toEqual(
      expected.map(aPhotoHash),
    );
  });

  it("replaces a 立行立改 after-photo in place", () => {
    const onSite: FindingChoice = {
      ...finding,
      rectification: { mode: "on_site", afterPhotoIds: [aPhotoHash("d"), aPhotoHash("e")] },
    };
    expect(
      withAfterPhoto(onSite, aPhotoHash("d"), { replaceBy: aPhotoHash("f") }).rectification,
    ).toEqual({ mode: "on_site", afterPhotoIds: [aPhotoHash("f"), aPhotoHash("e")] });
  });
});

describe("withAfterPhoto on a 先行管控 finding", () => {
  it("adds the photo of the control measure and keeps the deadline", () => {
    const control: FindingChoice = {
      ...finding,
      rectification: { mode: "control", dueDate: "2026-03-05", controlPhotoIds: [] },
    };
    expect(withAfterPhoto(control, aPhotoHash("d"), "add").rectification).toEqual({
      mode: "control",
      dueDate: "2026-03-05",
      controlPhotoIds: [aPhotoHash("d")],
    });
  });
});

describe("offeredDueDate", () => {
  const policy: DeadlinePolicy = {
    ...DEFAULT_DEADLINE_POLICY,
    critical: { mode: "on_site" },
    major: { mode: "deadline", days: 15 },
    minor: { mode: "deadline", days: 30 },
  };

  it.each<[string, TemplateItem, Severity, string]>([
    [
      "takes the item's own days",
      aTemplateItem({ rectification: { mode: "deadline", days: 5 } }),
      "major",
      "2026-03-06",
    ],
    [
      "takes the policy's days when the item has none",
      aTemplateItem({ rectification: { mode: "deadline", days: null } }),
      "minor",
      "2026-03-31",
    ],
    [
      "takes the policy's days for an on-site item",
      aTemplateItem({ rectification: { mode: "on_site" } }),
      "major",
      "2026-03-16",
    ],
    [
      "falls back to 7 days when the policy says on site",
      aTemplateItem({ rectification: { mode: "on_site" } }),
      "critical",
      "2026-03-08",
    ],
  ])("%s", (_case, item, severity, expected) => {
    expect(offeredDueDate(item, severity, policy, "2026-03-01")).toBe(expected);
  });
});
