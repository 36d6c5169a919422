"use client";

import { useState } from "react";
import { FormProvider, type Resolver, useForm, useFormContext } from "react-hook-form";

import { type DecisionChange, decisionChanges } from "@/lib/domain/rectification/decision";
import type {
  RectificationAction,
  RectificationActionType,
  RectificationItem,
} from "@/lib/domain/rectification/rectification.schema";
import { previewTransition } from "@/lib/domain/rectification/transition";
import type { EvidencePhoto } from "@/lib/hooks/use-rectification";
import { systemClock } from "@/lib/utils/clock";

import { type ControlAria, FormField, useFieldError } from "@/components/forms/form-field";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";

import {
  ACTION_SPECS,
  type ActionField,
  actionLabel,
  carriesPhotos,
  initialValues,
  isScreenAction,
  type ScreenActionType,
  validateAction,
} from "./action-model";

/** Sends the action; resolves to a Chinese reason when it did not go through, else null. */
export type SubmitAction = (
  action: RectificationAction,
  photos: readonly EvidencePhoto[],
) => Promise<string | null>;

/** How the 整改报告 form turns camera files into evidence photos (the school's screens only). */
export type EvidencePhotos = {
  prepare: (file: File) => Promise<EvidencePhoto | string>;
  release: (photo: EvidencePhoto) => void;
};

/**
 * The buttons for what this person may do to the item now (`allowed`, from the server's
 * `allowedActions`), each opening its small form. Nothing is sent until the form passes the
 * domain's own action schema; the schema's Chinese messages appear next to the fields.
 */
export function ActionPanel({
  allowed,
  only,
  onAct,
  photos,
  minDueDate,
  item,
  proposed,
}: {
  allowed: readonly RectificationActionType[];
  /** Offer only these (the review queue shows the decisions, the item page everything). */
  only?: readonly ScreenActionType[];
  onAct: SubmitAction;
  photos?: EvidencePhotos;
  /** The earliest date an extension may ask for. */
  minDueDate?: string;
  /**
   * The item as the reviewer sees it: given, every decision is confirmed on screen with what it
   * changes (before → after), and what it changed stays shown once done.
   */
  item?: RectificationItem;
  /** Starting values per action, e.g. the new deadline the district's policy proposes for a return. */
  proposed?: Partial<Record<ScreenActionType, Record<string, string>>>;
}) {
  const [open, setOpen] = useState<ScreenActionType | null>(null);
  const [done, setDone] = useState<{ type: ScreenActionType; changes: DecisionChange[] } | null>(
    null,
  );
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<ScreenActionType | null>(null);
  const offered = (Object.keys(ACTION_SPECS) as ScreenActionType[]).filter(
    (type) =>
      allowed.includes(type) && isScreenAction(type) && (only === undefined || only.includes(type)),
  );
  async function send(
    type: ScreenActionType,
    action: RectificationAction,
    evidence: readonly EvidencePhoto[] = [],
  ) {
    setPending(type);
    setError(null);
    const changes = item
      ? decisionChanges(item, previewTransition(item, action, systemClock.now()))
      : [];
    const failure = await onAct(action, evidence);
    setPending(null);
    if (failure !== null) {
      setError(failure);
      return false;
    }
    setOpen(null);
    if (item) setDone({ type, changes });
    return true;
  }

  function choose(type: ScreenActionType) {
    setError(null);
    setDone(null);
    if (ACTION_SPECS[type].fields.length > 0) {
      setOpen(type);
      return;
    }
    const checked = validateAction(type, initialValues(type));
    if (checked.ok) void send(type, checked.action);
  }

  if (offered.length === 0 && done === null) return null;

  return (
    <div className="space-y-3 border-t border-slate-100 pt-3 print:hidden">
      {open === null ? (
        <div className="flex flex-wrap gap-2">
          {offered.map((type) => (
            <Button
              key={type}
              variant={ACTION_SPECS[type].variant}
              size="sm"
              disabled={pending !== null}
              onClick={() => choose(type)}
            >
              {pending === type ? "正在提交…" : actionLabel(type)}
            </Button>
          ))}
        </div>
      ) : (
        <ActionForm
          key={open}
          type={open}
          item={item}
          proposed={proposed?.[open]}
          photos={carriesPhotos(open) ? photos : undefined}
          minDueDate={minDueDate}
          isSending={pending !== null}
          onCancel={() => {
            setOpen(null);
            setError(null);
          }}
          onSubmit={(action, evidence) => send(open, action, evidence)}
        />
      )}
      {done !== null ? (
        <div role="status" className="rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          <p className="font-medium">已{actionLabel(done.type)}</p>
          <ChangeList changes={done.changes} />
        </div>
      ) : null}
      {error !== null ? (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** 整改期限：2026-03-01 → 2026-03-20, one line per change. */
function ChangeList({ changes }: { changes: readonly DecisionChange[] }) {
  if (changes.length === 0) return null;
  return (
    <ul className="mt-1 space-y-0.5" data-decision-changes>
      {changes.map((change) => (
        <li key={change.label}>
          {change.label}：<span className="text-slate-500 line-through">{change.before}</span>
          {" → "}
          <span className="font-medium">{change.after}</span>
        </li>
      ))}
    </ul>
  );
}

type Values = Record<string, unknown>;

/** The form's resolver: the domain's action schema, its messages keyed by field. */
function actionResolver(type: ScreenActionType): Resolver<Values> {
  return (values) => {
    const checked = validateAction(type, values);
    if (checked.ok) return { values, errors: {} };
    const errors = Object.fromEntries(
      Object.entries(checked.errors).map(([name, message]) => [
        name,
        { type: "validate", message },
      ]),
    );
    return { values: {}, errors };
  };
}

function ActionForm({
  type,
  item,
  proposed,
  photos,
  minDueDate,
  isSending,
  onCancel,
  onSubmit,
}: {
  type: ScreenActionType;
  item: RectificationItem | undefined;
  proposed: Record<string, string> | undefined;
  photos: EvidencePhotos | undefined;
  minDueDate: string | undefined;
  isSending: boolean;
  onCancel: () => void;
  /** Resolves true when sent, false when refused (the form stays, with what was typed). */
  onSubmit: (action: RectificationAction, evidence: readonly EvidencePhoto[]) => Promise<boolean>;
}) {
  const spec = ACTION_SPECS[type];
  const [evidence, setEvidence] = useState<EvidencePhoto[]>([]);
  /** The checked action awaiting "确认" when the item is known. */
  const [confirming, setConfirming] = useState<RectificationAction | null>(null);
  const form = useForm<Values>({
    defaultValues: initialValues(type, proposed),
    resolver: actionResolver(type),
  });

  async function sendChecked(action: RectificationAction) {
    if (await onSubmit(action, evidence)) {
      evidence.forEach((photo) => photos?.release(photo));
      setEvidence([]);
    }
    setConfirming(null);
  }

  const submit = form.handleSubmit(async (values) => {
    const checked = validateAction(type, values);
    if (!checked.ok) return;
    if (item) setConfirming(checked.action);
    else await sendChecked(checked.action);
  });

  if (item && confirming) {
    const changes = decisionChanges(item, previewTransition(item, confirming, systemClock.now()));
    return (
      <div
        role="group"
        aria-label={`确认${actionLabel(type)}`}
        className="space-y-3 rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm"
      >
        <p className="font-medium text-slate-900">请确认{actionLabel(type)}</p>
        {changes.length > 0 ? (
          <ChangeList changes={changes} />
        ) : (
          <p className="text-slate-600">状态和期限不变，记入整改记录。</p>
        )}
        <div className="flex flex-wrap gap-2">
          <Button
            variant={spec.variant}
            disabled={isSending}
            onClick={() => void sendChecked(confirming)}
          >
            {isSending ? "正在提交…" : `确认${actionLabel(type)}`}
          </Button>
          <Button variant="ghost" disabled={isSending} onClick={() => setConfirming(null)}>
            返回修改
          </Button>
        </div>
      </div>
    );
  }

  return (
    <FormProvider {...form}>
      <form
        noValidate
        onSubmit={submit}
        className="space-y-3 rounded-lg bg-slate-50 p-3"
        aria-label={actionLabel(type)}
      >
        <p className="font-medium text-slate-900">{actionLabel(type)}</p>
        {spec.fields.map((field) => (
          <FieldControl key={field.name} field={field} minDueDate={minDueDate} />
        ))}
        {photos ? (
          <PhotoPicker
            photos={photos}
            evidence={evidence}
            onChange={(next) => {
              setEvidence(next);
              form.setValue(
                "photoIds",
                next.map((p) => p.id),
                { shouldValidate: form.formState.isSubmitted },
              );
            }}
          />
        ) : null}
        <div className="flex flex-wrap gap-2">
          <Button type="submit" variant={spec.variant} disabled={isSending}>
            {isSending ? "正在提交…" : spec.submitLabel}
          </Button>
          <Button
            variant="ghost"
            disabled={isSending}
            onClick={() => {
              evidence.forEach((photo) => photos?.release(photo));
              onCancel();
            }}
          >
            取消
          </Button>
        </div>
      </form>
    </FormProvider>
  );
}

function FieldControl({
  field,
  minDueDate,
}: {
  field: ActionField;
  minDueDate: string | undefined;
}) {
  return (
    <FormField name={field.name} label={field.label}>
      {(aria) => <Control field={field} aria={aria} minDueDate={minDueDate} />}
    </FormField>
  );
}

function Control({
  field,
  aria,
  minDueDate,
}: {
  field: ActionField;
  aria: ControlAria;
  minDueDate: string | undefined;
}) {
  const { register } = useFormContext<Values>();
  switch (field.control) {
    case "textarea":
      return (
        <Textarea {...aria} {...register(field.name)} rows={3} placeholder={field.placeholder} />
      );
    case "date":
      return <Input {...aria} {...register(field.name)} type="date" min={minDueDate} />;
    case "select":
      return (
        <Select {...aria} {...register(field.name)}>
          {field.options?.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </Select>
      );
  }
}

function PhotoPicker({
  photos,
  evidence,
  onChange,
}: {
  photos: EvidencePhotos;
  evidence: EvidencePhoto[];
  onChange: (next: EvidencePhoto[]) => void;
}) {
  const error = useFieldError("photoIds");
  const [processing, setProcessing] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);

  async function add(files: FileList | null) {
    if (!files || files.length === 0) return;
    setProblem(null);
    setProcessing(files.length);
    const added: EvidencePhoto[] = [];
    for (const file of Array.from(files)) {
      const result = await photos.prepare(file);
      if (typeof result === "string") setProblem(result);
      else if (!evidence.some((p) => p.id === result.id) && !added.some((p) => p.id === result.id))
        added.push(result);
      setProcessing((n) => n - 1);
    }
    onChange([...evidence, ...added]);
  }

  return (
    <div className="space-y-2">
      <p className="text-sm font-medium text-slate-700">整改后照片</p>
      {evidence.length > 0 ? (
        <ul className="flex flex-wrap gap-2">
          {evidence.map((photo, index) => (
            <li key={photo.id} className="relative">
              {/* eslint-disable-next-line @next/next/no-img-element -- a local object URL */}
              <img
                src={photo.previewUrl}
                alt={`整改后照片 ${index + 1}`}
                className="h-20 w-24 rounded-lg object-cover"
              />
              <button
                type="button"
                aria-label={`删除照片 ${index + 1}`}
                className="absolute -top-2 -right-2 h-6 w-6 rounded-full bg-slate-800 text-xs text-white"
                onClick={() => {
                  photos.release(photo);
                  onChange(evidence.filter((p) => p.id !== photo.id));
                }}
              >
                ✕
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <FileButton label="拍照" capture onFiles={add} />
        <FileButton label="选择照片" onFiles={add} />
      </div>
      {processing > 0 ? (
        <p className="text-sm text-slate-500">正在处理照片（压缩、加水印）…</p>
      ) : null}
      {problem ? <p className="text-sm text-red-600">{problem}</p> : null}
      {error ? (
        <p role="alert" className="text-sm text-red-600">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function FileButton({
  label,
  capture,
  onFiles,
}: {
  label: string;
  capture?: boolean;
  onFiles: (files: FileList | null) => Promise<void>;
}) {
  return (
    <label className="focus-within:outline-brand-600 inline-flex h-9 cursor-pointer items-center rounded-lg border border-slate-300 bg-white px-3 text-sm font-medium text-slate-800 focus-within:outline-2 hover:bg-slate-50">
      {label}
      <input
        type="file"
        accept="image/*"
        multiple={!capture}
        capture={capture ? "environment" : undefined}
        className="sr-only"
        onChange={(event) => {
          const input = event.currentTarget;
          void onFiles(input.files).then(() => {
            input.value = "";
          });
        }}
      />
    </label>
  );
}
