import type { z } from "zod";

import { dueDateRefusal, toChinaDate } from "../dates";
import type { Id } from "../ids";
import {
  answerSaveMutationSchema,
  photoRegisterMutationSchema,
  visitStartMutationSchema,
  visitSubmitMutationSchema,
  visitUpdateMutationSchema,
  type VisitMutation,
} from "../mutations";
import { type Refused, refused } from "../refusal";
import type { Answer } from "./answer.schema";
import { requiresSchoolSignature } from "./checklist";
import {
  visitSchema,
  type PhotoMeta,
  type Visit,
  type VisitAnswer,
  type VisitPatch,
  type VisitSignatures,
  type VisitStartInput,
} from "./visit.schema";

/** Makes a new UUIDv7 (lib/utils/ids `newId` in the app, a counter in tests). */
export type NewId = () => Id;

/** Why a change was refused (also what a push answers as the mutation's refusal). */
export type VisitOutcome = { ok: true; visit: Visit } | Refused;

/** An accepted local edit: the new record plus the mutation to save with it in one transaction. */
export type VisitChange<M extends VisitMutation> = { ok: true; visit: Visit; mutation: M };

/** The answer being entered; `answeredAt` is stamped by `setAnswer`. */
export type AnswerInput = Omit<Answer, "answeredAt">;

export function isDraft(visit: Visit): boolean {
  return visit.status === "draft";
}

/**
 * The one rule set for visit mutations, run by the phone when the edit is made and by the server
 * when it applies the push, so both compute the same visit. `current` is the stored visit with
 * the mutation's visit id (undefined if there is none). For `answer.save` and `photo.register` the
 * visit itself does not change; the record to store is the mutation's args.
 */
export function applyVisitMutation(
  current: Visit | undefined,
  mutation: VisitMutation,
): VisitOutcome {
  if (mutation.name === "visit.start") {
    if (current) return refused("conflict", "该检查已存在");
    const { visitId, ...start } = mutation.args;
    return validVisit({
      ...start,
      id: visitId,
      endedAt: null,
      summary: "",
      signatures: { inspector: null, school: null },
      status: "draft",
      submittedAt: null,
      updatedAt: mutation.createdAt,
    });
  }
  if (!current) return refused("not_found", "找不到该检查记录");
  if (!isDraft(current)) return refused("conflict", "检查已提交，不能再修改");

  switch (mutation.name) {
    case "visit.update":
      return validVisit({
        ...current,
        ...definedFields(mutation.args.patch),
        updatedAt: mutation.createdAt,
      });
    case "answer.save": {
      const answer = mutation.args;
      if (!current.templates.some((t) => t.code === answer.templateCode)) {
        return refused("invalid_input", "该检查表不在本次检查中");
      }
      if (answer.finding && answer.result !== "fail" && answer.result !== "partial") {
        return refused("invalid_input", "只有不符合或部分符合的检查项才能填写整改要求");
      }
      const rectification = answer.finding?.rectification;
      if (rectification?.mode === "deadline") {
        const late = dueDateRefusal(rectification.dueDate, toChinaDate(mutation.createdAt));
        if (late) return refused("invalid_input", late);
      }
      return { ok: true, visit: current };
    }
    case "photo.register":
      if (mutation.args.annotation?.originalId === mutation.args.id) {
        return refused("invalid_input", "标注照片不能是它自己的原图");
      }
      return { ok: true, visit: current };
    case "visit.submit": {
      const { signatures, summary, endedAt } = mutation.args;
      if (!signatures.inspector) return refused("invalid_input", "提交前须有督学签名");
      if (!signatures.school && requiresSchoolSignature(current.kind)) {
        return refused("invalid_input", "提交前须有学校代表签名");
      }
      if (signatures.school && !signatures.school.title?.trim()) {
        return refused("invalid_input", "请填写学校签名人的职务");
      }
      return validVisit({
        ...current,
        summary,
        signatures,
        endedAt,
        status: "submitted",
        submittedAt: mutation.createdAt,
        updatedAt: mutation.createdAt,
      });
    }
  }
}

export function startVisit(
  input: VisitStartInput,
  newId: NewId,
  now: number,
): VisitChange<z.infer<typeof visitStartMutationSchema>> | Refused {
  const parsed = parseMutation(visitStartMutationSchema, {
    id: newId(),
    name: "visit.start",
    args: { ...input, visitId: newId() },
    createdAt: now,
  });
  if (!parsed.ok) return parsed;
  return withMutation(applyVisitMutation(undefined, parsed.mutation), parsed.mutation);
}

/** Changes header fields of a draft (kind, templates, location, summary, signatures, end time). */
export function updateVisit(
  visit: Visit,
  patch: VisitPatch,
  newId: NewId,
  now: number,
): VisitChange<z.infer<typeof visitUpdateMutationSchema>> | Refused {
  const parsed = parseMutation(visitUpdateMutationSchema, {
    id: newId(),
    name: "visit.update",
    args: { visitId: visit.id, patch },
    createdAt: now,
  });
  if (!parsed.ok) return parsed;
  return withMutation(applyVisitMutation(visit, parsed.mutation), parsed.mutation);
}

/**
 * Saves one answer as entered. A finding only belongs to 不符合/部分符合, so it is dropped when
 * the result changes to anything else (the form keeps its own state if the inspector flips back).
 */
export function setAnswer(
  visit: Visit,
  input: AnswerInput,
  newId: NewId,
  now: number,
): { ok: true; answer: VisitAnswer; mutation: z.infer<typeof answerSaveMutationSchema> } | Refused {
  const keepsFinding = input.result === "fail" || input.result === "partial";
  const parsed = parseMutation(answerSaveMutationSchema, {
    id: newId(),
    name: "answer.save",
    args: {
      ...input,
      finding: keepsFinding ? input.finding : null,
      visitId: visit.id,
      answeredAt: now,
    },
    createdAt: now,
  });
  if (!parsed.ok) return parsed;
  const outcome = applyVisitMutation(visit, parsed.mutation);
  return outcome.ok
    ? { ok: true, answer: parsed.mutation.args, mutation: parsed.mutation }
    : outcome;
}

/** Records a photo (already stored on the phone) as part of a draft visit. */
export function registerPhoto(
  visit: Visit,
  meta: PhotoMeta,
  newId: NewId,
  now: number,
): { ok: true; photo: PhotoMeta; mutation: z.infer<typeof photoRegisterMutationSchema> } | Refused {
  const parsed = parseMutation(photoRegisterMutationSchema, {
    id: newId(),
    name: "photo.register",
    args: { ...meta, visitId: visit.id },
    createdAt: now,
  });
  if (!parsed.ok) return parsed;
  const outcome = applyVisitMutation(visit, parsed.mutation);
  return outcome.ok
    ? { ok: true, photo: parsed.mutation.args, mutation: parsed.mutation }
    : outcome;
}

/**
 * Locks the visit. Checks the signatures; whether every required item is answered and every
 * required photo taken is the template rules' job (lib/domain/template), checked before calling this.
 */
export function submitVisit(
  visit: Visit,
  closing: { signatures: VisitSignatures; summary: string },
  newId: NewId,
  now: number,
): VisitChange<z.infer<typeof visitSubmitMutationSchema>> | Refused {
  const parsed = parseMutation(visitSubmitMutationSchema, {
    id: newId(),
    name: "visit.submit",
    args: { visitId: visit.id, ...closing, endedAt: visit.endedAt ?? now },
    createdAt: now,
  });
  if (!parsed.ok) return parsed;
  return withMutation(applyVisitMutation(visit, parsed.mutation), parsed.mutation);
}

/** Every visit a reducer returns satisfies the schema, so the store can always read it back. */
function validVisit(candidate: Visit): VisitOutcome {
  const parsed = visitSchema.safeParse(candidate);
  return parsed.success
    ? { ok: true, visit: parsed.data }
    : refused("invalid_input", parsed.error.issues[0]?.message ?? "检查记录无效");
}

/** Parses a mutation built from user input, so an invalid edit never reaches the outbox. */
function parseMutation<S extends z.ZodType>(
  schema: S,
  draft: z.input<S>,
): { ok: true; mutation: z.output<S> } | Refused {
  const parsed = schema.safeParse(draft);
  return parsed.success
    ? { ok: true, mutation: parsed.data }
    : refused("invalid_input", parsed.error.issues[0]?.message ?? "输入无效");
}

function withMutation<M extends VisitMutation>(
  outcome: VisitOutcome,
  mutation: M,
): VisitChange<M> | Refused {
  return outcome.ok ? { ...outcome, mutation } : outcome;
}

/** A patch field that is absent (or explicitly undefined) leaves the header field as it was. */
function definedFields(patch: VisitPatch): Partial<Visit> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
}
