"use client";

import { memo, useState, type ReactNode } from "react";

import {
  describeNumberRule,
  effectiveResult,
  judgeNumber,
  missingEvidence,
} from "@/lib/domain/template/answer-rules";
import { formatBasis } from "@/lib/domain/template/citation";
import type { DeadlinePolicy } from "@/lib/domain/template/deadline-policy";
import { EVIDENCE_LABELS, JUDGEMENT_LABELS } from "@/lib/domain/template/template.labels";
import type { Judgement, NumberRule } from "@/lib/domain/template/template.schema";
import type { DateString } from "@/lib/domain/visit/answer.schema";
import type { ChecklistEntry } from "@/lib/domain/visit/checklist";
import type { VisitAnswer } from "@/lib/domain/visit/visit.schema";
import { useDraftText } from "@/lib/hooks/use-draft-text";
import type { VisitActions } from "@/lib/hooks/use-visit";
import { cn } from "@/lib/utils/cn";

import { Input } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";

import { AnswerOptions, FOCUS_RING, JUDGEMENT_STYLES, type AnswerOption } from "./answer-options";
import { FindingPanel } from "./finding-panel";
import { PhotoStrip } from "./photo-strip";

/** The four answers of a judgement item, in the order they are offered. */
const JUDGEMENT_OPTIONS: readonly AnswerOption[] = (["pass", "partial", "fail", "na"] as const).map(
  (judgement) => ({ value: judgement, judgement, label: JUDGEMENT_LABELS[judgement] }),
);

function parseReading(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}

/** A number item: the reading, the rule it is held to, and the judgement it implies, live. */
function NumberResponse({
  entry,
  rule,
  unit,
  answer,
  actions,
  isReadOnly,
  children,
}: {
  entry: ChecklistEntry;
  rule: NumberRule;
  unit: string;
  answer: VisitAnswer | undefined;
  actions: VisitActions;
  isReadOnly: boolean;
  /** The 不适用 toggle, at the end of the reading's line. */
  children: ReactNode;
}) {
  const { key } = entry;
  const stored = typeof answer?.value === "number" ? String(answer.value) : "";
  const reading = useDraftText(stored, (text) =>
    actions.edit(key, { kind: "value", value: parseReading(text) }),
  );
  const typed = parseReading(reading.text);
  const judged = answer?.result === "na" ? "na" : typed === null ? null : judgeNumber(rule, typed);
  return (
    <div className="flex flex-wrap items-center gap-2">
      <label htmlFor={`${key}-value`} className="sr-only">
        读数
      </label>
      <Input
        id={`${key}-value`}
        type="text"
        inputMode="decimal"
        className="w-28 text-lg"
        placeholder="读数"
        value={reading.text}
        onChange={(e) => reading.onChange(e.target.value)}
        onBlur={reading.onBlur}
        disabled={isReadOnly}
      />
      <span className="text-sm text-slate-600">{unit}</span>
      <span className="rounded bg-slate-100 px-2 py-1 text-sm text-slate-700">
        要求 {describeNumberRule(rule, unit)}
      </span>
      {judged ? (
        <span
          className={cn("text-sm font-semibold", JUDGEMENT_STYLES[judged].text)}
          data-judged={judged}
        >
          判定：{JUDGEMENT_LABELS[judged]}
        </span>
      ) : null}
      <span className="ml-auto">{children}</span>
    </div>
  );
}

function TextResponse({
  entry,
  answer,
  actions,
  isReadOnly,
}: {
  entry: ChecklistEntry;
  answer: VisitAnswer | undefined;
  actions: VisitActions;
  isReadOnly: boolean;
}) {
  const stored = typeof answer?.value === "string" ? answer.value : "";
  const text = useDraftText(stored, (value) =>
    actions.edit(entry.key, { kind: "value", value: value === "" ? null : value }),
  );
  return (
    <Textarea
      aria-label="记录"
      rows={2}
      maxLength={2000}
      placeholder="填写现场情况"
      value={text.text}
      onChange={(e) => text.onChange(e.target.value)}
      onBlur={text.onBlur}
      disabled={isReadOnly}
    />
  );
}

function NoteField({
  entry,
  answer,
  actions,
  isReadOnly,
}: {
  entry: ChecklistEntry;
  answer: VisitAnswer | undefined;
  actions: VisitActions;
  isReadOnly: boolean;
}) {
  const note = useDraftText(answer?.note ?? "", (text) =>
    actions.edit(entry.key, { kind: "note", note: text }),
  );
  return (
    <Textarea
      aria-label="备注"
      rows={2}
      maxLength={1000}
      placeholder="备注"
      value={note.text}
      onChange={(e) => note.onChange(e.target.value)}
      onBlur={note.onBlur}
      disabled={isReadOnly}
    />
  );
}

export type ChecklistItemRowProps = {
  entry: ChecklistEntry;
  answer: VisitAnswer | undefined;
  actions: VisitActions;
  policy: DeadlinePolicy;
  visitDate: DateString;
  isReadOnly: boolean;
  isHighlighted: boolean;
  onTouch: (key: ChecklistEntry["key"]) => void;
};

/**
 * One check item. Memoized: a tap changes one answer object, so only that row renders again
 * (the entry, actions, policy and callbacks are stable for the whole visit).
 */
export const ChecklistItemRow = memo(function ChecklistItemRow({
  entry,
  answer,
  actions,
  policy,
  visitDate,
  isReadOnly,
  isHighlighted,
  onTouch,
}: ChecklistItemRowProps) {
  const { key, item } = entry;
  const [isInfoOpen, setIsInfoOpen] = useState(false);
  const [isNoteOpen, setIsNoteOpen] = useState(false);
  const [isPhotoOpen, setIsPhotoOpen] = useState(false);
  const result = effectiveResult(item, answer);
  const isFinding = result === "fail" || result === "partial";
  const missing = missingEvidence(item, answer);
  const response = item.response;
  const tap = (judgement: Judgement) => actions.edit(key, { kind: "result", result: judgement });
  const photoCount = answer?.photoIds.length ?? 0;
  const showsPhotos =
    photoCount > 0 ||
    (result !== "na" &&
      (isFinding || item.evidence === "photo_always" || (isPhotoOpen && !isReadOnly)));
  const showsNote = !isFinding && ((answer?.note ?? "") !== "" || (isNoteOpen && !isReadOnly));
  const naToggle = (
    <button
      type="button"
      aria-pressed={answer?.result === "na"}
      data-answer="na"
      data-answer-kind="result"
      disabled={isReadOnly}
      onClick={() => tap("na")}
      className={cn(
        "h-11 rounded-lg border px-3 text-sm",
        FOCUS_RING,
        answer?.result === "na" ? JUDGEMENT_STYLES.na.on : JUDGEMENT_STYLES.na.off,
      )}
    >
      不适用
    </button>
  );

  return (
    <li
      id={`item-${key}`}
      data-item-key={key}
      data-result={result ?? "none"}
      onFocusCapture={() => onTouch(key)}
      className={cn(
        "scroll-mt-40 rounded-xl border bg-white p-3 shadow-sm [contain-intrinsic-size:auto_220px] [content-visibility:auto]",
        isHighlighted ? "border-brand-600 ring-brand-100 ring-2" : "border-slate-200",
      )}
    >
      <div className="flex items-start gap-2">
        <p className="flex-1 text-[15px] leading-6 text-slate-900">
          <span className="mr-1.5 rounded bg-slate-100 px-1 py-0.5 align-[1px] font-mono text-[11px] text-slate-600">
            {item.code}
          </span>
          {item.prompt}
        </p>
        <button
          type="button"
          aria-expanded={isInfoOpen}
          onClick={() => setIsInfoOpen((open) => !open)}
          className="h-8 shrink-0 rounded-full border border-slate-200 px-2.5 text-xs text-slate-600"
        >
          依据
        </button>
      </div>
      {isInfoOpen ? (
        <dl className="mt-2 space-y-1.5 rounded-lg bg-slate-50 p-2.5 text-sm leading-6 text-slate-700">
          <div>
            <dt className="inline font-medium">检查方法：</dt>
            <dd className="inline">{item.guidance}</dd>
          </div>
          <div>
            <dt className="inline font-medium">检查依据：</dt>
            <dd className="inline">{formatBasis(item.basis)}</dd>
          </div>
          <div className="text-xs text-slate-500">{EVIDENCE_LABELS[item.evidence]}</div>
        </dl>
      ) : null}

      <div className="mt-3 space-y-2">
        {response.type === "judgement" ? (
          <AnswerOptions
            label="检查结论"
            className="grid grid-cols-4 gap-1.5"
            options={JUDGEMENT_OPTIONS}
            chosen={answer?.result ?? null}
            onChoose={(value) => tap(value as Judgement)}
            answerKind="result"
            disabled={isReadOnly}
          />
        ) : null}
        {response.type === "number" ? (
          <NumberResponse
            entry={entry}
            rule={response.rule}
            unit={response.unit}
            answer={answer}
            actions={actions}
            isReadOnly={isReadOnly}
          >
            {naToggle}
          </NumberResponse>
        ) : null}
        {response.type === "choice" ? (
          <AnswerOptions
            label="检查结论"
            className="grid grid-cols-2 gap-1.5"
            options={response.options.map((option) => ({
              value: option.value,
              judgement: option.result,
              label: option.label,
            }))}
            chosen={
              answer?.result !== "na" && typeof answer?.value === "string" ? answer.value : null
            }
            onChoose={(value) =>
              actions.edit(key, {
                kind: "value",
                value: answer?.value === value ? null : value,
              })
            }
            answerKind="value"
            disabled={isReadOnly}
          />
        ) : null}
        {response.type === "text" ? (
          <TextResponse entry={entry} answer={answer} actions={actions} isReadOnly={isReadOnly} />
        ) : null}
        {response.type === "choice" || response.type === "text" ? (
          <div className="flex justify-end">{naToggle}</div>
        ) : null}
      </div>

      {showsPhotos ? (
        <div className="mt-3">
          <PhotoStrip
            ids={answer?.photoIds ?? []}
            addLabel={missing.length > 0 ? "须拍照" : "拍照"}
            onAdd={(file) => actions.addPhoto(key, file, "answer")}
            onRemove={(id) => actions.removePhoto(key, id, "answer")}
            onAnnotate={(id, shapes) => actions.annotatePhoto(key, id, shapes, "answer")}
            annotatesNew={isFinding}
            isReadOnly={isReadOnly}
          />
          {missing.length > 0 ? (
            <p className="mt-1 text-xs text-amber-700">{missing.join("；")}</p>
          ) : null}
        </div>
      ) : null}

      {isFinding && answer ? (
        <FindingPanel
          entry={entry}
          answer={answer}
          actions={actions}
          policy={policy}
          visitDate={visitDate}
          isReadOnly={isReadOnly}
        />
      ) : showsNote ? (
        <div className="mt-3">
          <NoteField entry={entry} answer={answer} actions={actions} isReadOnly={isReadOnly} />
        </div>
      ) : null}

      {isReadOnly || (showsPhotos && (showsNote || isFinding)) ? null : (
        <div className="text-brand-700 mt-2 flex gap-4 text-sm">
          {showsPhotos ? null : (
            <button type="button" className="h-8" onClick={() => setIsPhotoOpen(true)}>
              ＋ 拍照
            </button>
          )}
          {showsNote || isFinding ? null : (
            <button type="button" className="h-8" onClick={() => setIsNoteOpen(true)}>
              ＋ 备注
            </button>
          )}
        </div>
      )}
    </li>
  );
});
