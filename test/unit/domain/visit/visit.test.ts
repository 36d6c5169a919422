import { describe, expect, it } from "vitest";

import type { VisitMutation } from "@/lib/domain/mutations";
import { requiresSchoolSignature } from "@/lib/domain/visit/checklist";
import {
  applyVisitMutation,
  registerPhoto,
  setAnswer,
  startVisit,
  submitVisit,
  updateVisit,
} from "@/lib/domain/visit/visit";
import type { Visit, VisitSignatures } from "@/lib/domain/visit/visit.schema";

import {
  aFailingAnswer,
  anAnswerInput,
  anId,
  anInspectorSignature,
  aPhotoHash,
  aPhotoMeta,
  aSchoolSignature,
  aStartInput,
  aSubmittedVisit,
  aVisit,
  idSequence,
  MINUTE,
  STARTED_AT,
  VISIT_ID,
} from "@/test/helpers/builders/visit";

const NOW = STARTED_AT + 10 * MINUTE;
const FINDING = aFailingAnswer().finding;
const SIGNED: VisitSignatures = { inspector: anInspectorSignature(), school: aSchoolSignature() };

describe("startVisit", () => {
  it("creates a draft and its visit.start mutation with ids from the phone", () => {
    const result = startVisit(aStartInput(), idSequence(), STARTED_AT);

    expect(result).toEqual({
      ok: true,
      visit: aVisit({ id: anId(2) }),
      mutation: {
        id: anId(1),
        name: "visit.start",
        args: { ...aStartInput(), visitId: anId(2) },
        createdAt: STARTED_AT,
      },
    });
  });

  it("refuses when no template is chosen", () => {
    expect(startVisit(aStartInput({ templates: [] }), idSequence(), STARTED_AT)).toEqual({
      ok: false,
      code: "invalid_input",
      message: "请至少选择一个检查表",
    });
  });
});

describe("updateVisit", () => {
  it("changes only the fields in the patch and stamps the time", () => {
    const result = updateVisit(
      aVisit(),
      { summary: " 总体良好 ", kind: "campaign" },
      idSequence(),
      NOW,
    );

    expect(result.ok && result.visit).toEqual(
      aVisit({ summary: "总体良好", kind: "campaign", updatedAt: NOW }),
    );
    expect(result.ok && result.mutation).toEqual({
      id: anId(1),
      name: "visit.update",
      args: { visitId: VISIT_ID, patch: { summary: "总体良好", kind: "campaign" } },
      createdAt: NOW,
    });
  });

  it("keeps a field whose patch value is undefined", () => {
    const result = updateVisit(
      aVisit({ summary: "已有小结" }),
      { summary: undefined, endedAt: NOW },
      idSequence(),
      NOW,
    );

    expect(result.ok && result.visit.summary).toBe("已有小结");
  });

  it.each<[string, Visit, Parameters<typeof updateVisit>[1], string, string]>([
    [
      "the visit is submitted",
      aSubmittedVisit(),
      { summary: "改" },
      "conflict",
      "检查已提交，不能再修改",
    ],
    ["the patch is empty", aVisit(), {}, "invalid_input", "没有要保存的更改"],
    [
      "the end is before the start",
      aVisit(),
      { endedAt: STARTED_AT - MINUTE },
      "invalid_input",
      "结束时间不能早于开始时间",
    ],
  ])("refuses when %s", (_name, visit, patch, code, reason) => {
    expect(updateVisit(visit, patch, idSequence(), NOW)).toEqual({
      ok: false,
      code,
      message: reason,
    });
  });
});

describe("setAnswer", () => {
  it("returns the answer record keyed to the visit and its answer.save mutation", () => {
    const input = anAnswerInput({ result: "fail", photoIds: [aPhotoHash("1")], finding: FINDING });
    const result = setAnswer(aVisit(), input, idSequence(), NOW);

    const answer = { ...input, visitId: VISIT_ID, answeredAt: NOW };
    expect(result).toEqual({
      ok: true,
      answer,
      mutation: { id: anId(1), name: "answer.save", args: answer, createdAt: NOW },
    });
  });

  it.each(["pass", "na", null] as const)("drops the finding when the result is %s", (result) => {
    const saved = setAnswer(
      aVisit(),
      anAnswerInput({ result, finding: FINDING }),
      idSequence(),
      NOW,
    );

    expect(saved.ok && saved.answer.finding).toBeNull();
  });

  it.each(["fail", "partial"] as const)("keeps the finding when the result is %s", (result) => {
    const saved = setAnswer(
      aVisit(),
      anAnswerInput({ result, finding: FINDING }),
      idSequence(),
      NOW,
    );

    expect(saved.ok && saved.answer.finding).toEqual(FINDING);
  });

  it.each<[string, Visit, Partial<Parameters<typeof anAnswerInput>[0]>, string, string]>([
    ["the visit is submitted", aSubmittedVisit(), {}, "conflict", "检查已提交，不能再修改"],
    [
      "the template is not pinned",
      aVisit(),
      { templateCode: "food-safety" },
      "invalid_input",
      "该检查表不在本次检查中",
    ],
    [
      "the note is too long",
      aVisit(),
      { note: "字".repeat(1001) },
      "invalid_input",
      "备注不能超过 1000 字",
    ],
  ])("refuses when %s", (_name, visit, input, code, reason) => {
    expect(setAnswer(visit, anAnswerInput(input), idSequence(), NOW)).toEqual({
      ok: false,
      code,
      message: reason,
    });
  });
});

describe("registerPhoto", () => {
  it("returns the photo metadata and its photo.register mutation", () => {
    const result = registerPhoto(aVisit(), aPhotoMeta(), idSequence(), NOW);

    expect(result).toEqual({
      ok: true,
      photo: aPhotoMeta(),
      mutation: { id: anId(1), name: "photo.register", args: aPhotoMeta(), createdAt: NOW },
    });
  });

  it("refuses an annotated copy that names itself as its original", () => {
    const meta = aPhotoMeta({
      annotation: {
        originalId: aPhotoMeta().id,
        shapes: [{ kind: "text", at: { x: 0.5, y: 0.5 }, text: "过期", color: "red" }],
      },
    });
    expect(registerPhoto(aVisit(), meta, idSequence(), NOW)).toMatchObject({
      ok: false,
      code: "invalid_input",
    });
  });

  it("refuses a photo for a submitted visit", () => {
    expect(registerPhoto(aSubmittedVisit(), aPhotoMeta(), idSequence(), NOW)).toMatchObject({
      ok: false,
      code: "conflict",
    });
  });
});

describe("submitVisit", () => {
  it("locks the visit with the signatures, summary and end time", () => {
    const result = submitVisit(
      aVisit(),
      { signatures: SIGNED, summary: "总体良好" },
      idSequence(),
      NOW,
    );

    expect(result.ok && result.visit).toEqual(
      aVisit({
        signatures: SIGNED,
        summary: "总体良好",
        endedAt: NOW,
        status: "submitted",
        submittedAt: NOW,
        updatedAt: NOW,
      }),
    );
    expect(result.ok && result.mutation).toEqual({
      id: anId(1),
      name: "visit.submit",
      args: { visitId: VISIT_ID, signatures: SIGNED, summary: "总体良好", endedAt: NOW },
      createdAt: NOW,
    });
  });

  it("keeps an end time set earlier", () => {
    const endedAt = STARTED_AT + 5 * MINUTE;
    const result = submitVisit(
      aVisit({ endedAt }),
      { signatures: SIGNED, summary: "" },
      idSequence(),
      NOW,
    );

    expect(result.ok && result.visit.endedAt).toBe(endedAt);
  });

  it("accepts an unannounced visit without the school's signature", () => {
    const signatures = { inspector: anInspectorSignature(), school: null };
    const result = submitVisit(
      aVisit({ kind: "unannounced" }),
      { signatures, summary: "" },
      idSequence(),
      NOW,
    );

    expect(result.ok).toBe(true);
  });

  it.each<[string, Visit, VisitSignatures, string, string]>([
    [
      "the visit is already submitted",
      aSubmittedVisit(),
      SIGNED,
      "conflict",
      "检查已提交，不能再修改",
    ],
    [
      "the inspector has not signed",
      aVisit(),
      { ...SIGNED, inspector: null },
      "invalid_input",
      "提交前须有督学签名",
    ],
    [
      "the school has not signed a routine visit",
      aVisit(),
      { ...SIGNED, school: null },
      "invalid_input",
      "提交前须有学校代表签名",
    ],
  ])("refuses when %s", (_name, visit, signatures, code, reason) => {
    expect(submitVisit(visit, { signatures, summary: "" }, idSequence(), NOW)).toEqual({
      ok: false,
      code,
      message: reason,
    });
  });
});

describe("requiresSchoolSignature", () => {
  it.each([
    ["routine", true],
    ["campaign", true],
    ["follow_up", true],
    ["joint", true],
    ["unannounced", false],
  ] as const)("is %s → %s", (kind, expected) => {
    expect(requiresSchoolSignature(kind)).toBe(expected);
  });
});

describe("applyVisitMutation", () => {
  const start = (): VisitMutation => ({
    id: anId(1),
    name: "visit.start",
    args: { ...aStartInput(), visitId: VISIT_ID },
    createdAt: STARTED_AT,
  });

  it("computes on the server the same visit the phone saved", () => {
    const newId = idSequence();
    const started = startVisit(aStartInput(), newId, STARTED_AT);
    if (!started.ok) throw new Error(started.message);
    const submitted = submitVisit(started.visit, { signatures: SIGNED, summary: "好" }, newId, NOW);
    if (!submitted.ok) throw new Error(submitted.message);

    const onServer = applyVisitMutation(undefined, started.mutation);
    const afterSubmit = onServer.ok && applyVisitMutation(onServer.visit, submitted.mutation);

    expect(afterSubmit).toEqual({ ok: true, visit: submitted.visit });
  });

  it("refuses to start a visit that exists", () => {
    expect(applyVisitMutation(aVisit(), start())).toEqual({
      ok: false,
      code: "conflict",
      message: "该检查已存在",
    });
  });

  it.each<[string, VisitMutation]>([
    [
      "visit.update",
      {
        id: anId(2),
        name: "visit.update",
        args: { visitId: VISIT_ID, patch: { summary: "x" } },
        createdAt: NOW,
      },
    ],
    ["answer.save", { id: anId(2), name: "answer.save", args: aFailingAnswer(), createdAt: NOW }],
    ["photo.register", { id: anId(2), name: "photo.register", args: aPhotoMeta(), createdAt: NOW }],
  ])("refuses %s for a visit the server does not have", (_name, mutation) => {
    expect(applyVisitMutation(undefined, mutation)).toMatchObject({
      ok: false,
      code: "not_found",
    });
  });

  it("refuses a finding on an answer that passed", () => {
    const mutation: VisitMutation = {
      id: anId(2),
      name: "answer.save",
      args: aFailingAnswer({ result: "pass" }),
      createdAt: NOW,
    };

    expect(applyVisitMutation(aVisit(), mutation)).toEqual({
      ok: false,
      code: "invalid_input",
      message: "只有不符合或部分符合的检查项才能填写整改要求",
    });
  });

  it("leaves the visit unchanged for an answer", () => {
    const mutation: VisitMutation = {
      id: anId(2),
      name: "answer.save",
      args: aFailingAnswer(),
      createdAt: NOW,
    };

    expect(applyVisitMutation(aVisit(), mutation)).toEqual({ ok: true, visit: aVisit() });
  });
});
