import { addDays } from "../dates";
import type { Answer, DateString, FindingChoice } from "./answer.schema";
import type { AnswerInput } from "./visit";
import type { PhotoId } from "../photo/photo.schema";
import { judgeAnswer } from "../template/answer-rules";
import { type DeadlinePolicy, FALLBACK_DEADLINE_DAYS } from "../template/deadline-policy";
import type { Judgement, Severity, TemplateItem } from "../template/template.schema";

/** One thing the inspector did to an item. Each becomes one saved answer (and one mutation). */
export type AnswerEdit =
  /** Tapped 符合/部分符合/不符合/不适用; tapping the current result again clears it. */
  | { kind: "result"; result: Judgement }
  /** A number reading, a choice option's value, or a text item's text; null clears it. */
  | { kind: "value"; value: number | string | null }
  | { kind: "note"; note: string }
  | { kind: "addPhoto"; photoId: PhotoId }
  | { kind: "removePhoto"; photoId: PhotoId }
  /** An annotated copy takes the place of the photo it was drawn on (or the other way back). */
  | { kind: "replacePhoto"; photoId: PhotoId; by: PhotoId }
  | { kind: "finding"; finding: FindingChoice };

/** An item not answered (what undoing a bulk 符合 puts back where there was no answer). */
export function blankAnswer(templateCode: string, item: TemplateItem): AnswerInput {
  return {
    templateCode,
    itemCode: item.code,
    result: null,
    value: null,
    note: "",
    photoIds: [],
    finding: null,
  };
}

/**
 * The answer after one edit. Number and choice items take their result from the value (the rule
 * decides, live); 不适用 is the inspector's own call on any item. A finding stays only with
 * 不符合/部分符合 (setAnswer drops it otherwise).
 */
export function editAnswer(
  templateCode: string,
  item: TemplateItem,
  current: Answer | undefined,
  edit: AnswerEdit,
): AnswerInput {
  const base: AnswerInput = current
    ? {
        templateCode: current.templateCode,
        itemCode: current.itemCode,
        result: current.result,
        value: current.value,
        note: current.note,
        photoIds: current.photoIds,
        finding: current.finding,
      }
    : blankAnswer(templateCode, item);
  switch (edit.kind) {
    case "result": {
      if (base.result === edit.result) {
        // Un-marking 不适用 on a number/choice item returns to what its value says.
        const derived = edit.result === "na" ? judgeAnswer(item, base.value) : null;
        return { ...base, result: derived };
      }
      return { ...base, result: edit.result };
    }
    case "value": {
      // A reading means the item is being checked after all, so it ends 不适用; clearing one does not.
      const derives =
        (item.response.type === "number" || item.response.type === "choice") &&
        (edit.value !== null || base.result !== "na");
      const result = derives ? judgeAnswer(item, edit.value) : base.result;
      return { ...base, value: edit.value, result };
    }
    case "note":
      return { ...base, note: edit.note };
    case "addPhoto":
      return base.photoIds.includes(edit.photoId)
        ? base
        : { ...base, photoIds: [...base.photoIds, edit.photoId] };
    case "removePhoto":
      return { ...base, photoIds: withPhoto(base.photoIds, edit.photoId, "remove") };
    case "replacePhoto":
      return { ...base, photoIds: withPhoto(base.photoIds, edit.photoId, { replaceBy: edit.by }) };
    case "finding":
      return { ...base, finding: edit.finding };
  }
}

/** What happens to one photo of a list: added at the end, removed, or replaced where it stands. */
export type PhotoChange = "add" | "remove" | { replaceBy: PhotoId };

function withPhoto(current: readonly PhotoId[], photoId: PhotoId, change: PhotoChange) {
  if (change === "remove") return current.filter((id) => id !== photoId);
  if (change === "add") return current.includes(photoId) ? [...current] : [...current, photoId];
  const replaced = current.map((id) => (id === photoId ? change.replaceBy : id));
  // Never twice: the replacement may already be in the list (an annotation undone back to its original).
  return replaced.filter((id, i) => replaced.indexOf(id) === i);
}

/**
 * Adds or removes the photo taken after the on-site action: the 先行管控 measure of a 先行管控
 * finding, else a 立行立改 after-photo (switching the finding to 立行立改 when needed).
 */
export function withAfterPhoto(
  finding: FindingChoice,
  photoId: PhotoId,
  change: PhotoChange,
): FindingChoice {
  const rectification = finding.rectification;
  if (rectification.mode === "control") {
    const controlPhotoIds = withPhoto(rectification.controlPhotoIds, photoId, change);
    return { ...finding, rectification: { ...rectification, controlPhotoIds } };
  }
  const current = rectification.mode === "on_site" ? rectification.afterPhotoIds : [];
  const afterPhotoIds = withPhoto(current, photoId, change);
  return { ...finding, rectification: { mode: "on_site", afterPhotoIds } };
}

/**
 * The due date offered when the inspector switches a finding to 限期整改: the item's own days,
 * else the policy's days for the severity, else FALLBACK_DEADLINE_DAYS, counted from the visit date.
 */
export function offeredDueDate(
  item: TemplateItem,
  severity: Severity,
  policy: DeadlinePolicy,
  visitDate: DateString,
): DateString {
  const rule = policy[severity];
  const days =
    item.rectification.mode !== "on_site" && item.rectification.days !== null
      ? item.rectification.days
      : rule.mode === "deadline"
        ? rule.days
        : FALLBACK_DEADLINE_DAYS;
  return addDays(visitDate, days);
}
