"use client";

import type { DeadlinePolicy } from "@/lib/domain/template/deadline-policy";
import { defaultFindingChoice } from "@/lib/domain/template/findings";
import { SEVERITY_LABELS } from "@/lib/domain/template/template.labels";
import type { Severity } from "@/lib/domain/template/template.schema";
import { offeredDueDate } from "@/lib/domain/visit/answer-edit";
import type { DateString, FindingChoice } from "@/lib/domain/visit/answer.schema";
import type { ChecklistEntry } from "@/lib/domain/visit/checklist";
import type { VisitAnswer } from "@/lib/domain/visit/visit.schema";
import { useDraftText } from "@/lib/hooks/use-draft-text";
import type { VisitActions } from "@/lib/hooks/use-visit";
import { cn } from "@/lib/utils/cn";

import { Input } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";

import { PhotoStrip } from "./photo-strip";

const SEVERITIES: readonly Severity[] = ["minor", "major", "critical"];

function Segmented<T extends string>({
  label,
  options,
  value,
  onChange,
  disabled,
}: {
  label: string;
  options: readonly { value: T; label: string }[];
  value: T;
  onChange: (value: T) => void;
  disabled: boolean;
}) {
  return (
    <fieldset disabled={disabled}>
      <legend className="mb-1 text-xs font-medium text-slate-600">{label}</legend>
      <div className="flex gap-1.5">
        {options.map((option) => (
          <button
            key={option.value}
            type="button"
            aria-pressed={value === option.value}
            onClick={() => onChange(option.value)}
            className={cn(
              "h-10 flex-1 rounded-lg border text-sm",
              value === option.value
                ? "border-slate-800 bg-slate-800 text-white"
                : "border-slate-300 bg-white text-slate-700",
            )}
          >
            {option.label}
          </button>
        ))}
      </div>
    </fieldset>
  );
}

/**
 * What a 不符合/部分符合 answer needs: the note, severity (prefilled from the item), and
 * 立行立改 with an after-photo, 限期整改 with a due date (prefilled from the district policy), or
 * 先行管控 with a photo of the control measure and a due date, plus the 整改要求. Until the inspector changes something, the defaults shown are what the
 * notice will say; the first change stores the whole choice.
 */
export function FindingPanel({
  entry,
  answer,
  actions,
  policy,
  visitDate,
  isReadOnly,
}: {
  entry: ChecklistEntry;
  answer: VisitAnswer;
  actions: VisitActions;
  policy: DeadlinePolicy;
  visitDate: DateString;
  isReadOnly: boolean;
}) {
  const { key, item } = entry;
  const finding = answer.finding ?? defaultFindingChoice(item, policy, visitDate);
  const choose = (next: FindingChoice) => actions.edit(key, { kind: "finding", finding: next });
  const note = useDraftText(answer.note, (text) => actions.edit(key, { kind: "note", note: text }));
  const action = useDraftText(finding.requiredAction, (text) =>
    choose({ ...finding, requiredAction: text }),
  );
  const rectification = finding.rectification;

  return (
    <div className="mt-3 space-y-3 rounded-xl border border-red-100 bg-red-50/50 p-3">
      <div>
        <label htmlFor={`${key}-note`} className="mb-1 block text-xs font-medium text-slate-600">
          问题描述
        </label>
        <Textarea
          id={`${key}-note`}
          rows={2}
          maxLength={1000}
          placeholder="现场发现的问题"
          value={note.text}
          onChange={(e) => note.onChange(e.target.value)}
          onBlur={note.onBlur}
          disabled={isReadOnly}
        />
      </div>
      <Segmented
        label="问题等级"
        options={SEVERITIES.map((s) => ({ value: s, label: SEVERITY_LABELS[s] }))}
        value={finding.severity}
        onChange={(severity) => choose({ ...finding, severity })}
        disabled={isReadOnly}
      />
      <Segmented
        label="整改方式"
        options={[
          { value: "on_site", label: "立行立改" },
          { value: "deadline", label: "限期整改" },
          { value: "control", label: "先行管控" },
        ]}
        value={rectification.mode}
        onChange={(mode) => {
          const dueDate =
            rectification.mode === "on_site"
              ? offeredDueDate(item, finding.severity, policy, visitDate)
              : rectification.dueDate;
          choose({
            ...finding,
            rectification:
              mode === "on_site"
                ? { mode, afterPhotoIds: [] }
                : mode === "control"
                  ? { mode, dueDate, controlPhotoIds: [] }
                  : { mode, dueDate },
          });
        }}
        disabled={isReadOnly}
      />
      {rectification.mode !== "deadline" ? (
        <div>
          <p className="mb-1 text-xs font-medium text-slate-600">
            {rectification.mode === "on_site"
              ? "整改后照片（立行立改须拍摄）"
              : "管控措施照片（停用、封闭、撤离等，须拍摄）"}
          </p>
          <PhotoStrip
            ids={
              rectification.mode === "on_site"
                ? rectification.afterPhotoIds
                : rectification.controlPhotoIds
            }
            addLabel={rectification.mode === "on_site" ? "整改后" : "管控后"}
            onAdd={(file) => actions.addPhoto(key, file, "after")}
            onRemove={(id) => actions.removePhoto(key, id, "after")}
            onAnnotate={(id, shapes) => actions.annotatePhoto(key, id, shapes, "after")}
            annotatesNew={false}
            isReadOnly={isReadOnly}
          />
        </div>
      ) : null}
      {rectification.mode !== "on_site" ? (
        <div>
          <label htmlFor={`${key}-due`} className="mb-1 block text-xs font-medium text-slate-600">
            整改期限
          </label>
          <Input
            id={`${key}-due`}
            type="date"
            min={visitDate}
            value={rectification.dueDate}
            disabled={isReadOnly}
            onChange={(e) => {
              if (e.target.value)
                choose({
                  ...finding,
                  rectification: { ...rectification, dueDate: e.target.value },
                });
            }}
          />
        </div>
      ) : null}
      <div>
        <label htmlFor={`${key}-action`} className="mb-1 block text-xs font-medium text-slate-600">
          整改要求
        </label>
        <Textarea
          id={`${key}-action`}
          rows={2}
          maxLength={500}
          placeholder={`不填则为：${item.requirement}`}
          value={action.text}
          onChange={(e) => action.onChange(e.target.value)}
          onBlur={action.onBlur}
          disabled={isReadOnly}
        />
      </div>
    </div>
  );
}
