"use client";

import { useState } from "react";
import { FormProvider, type Resolver, useForm, useFormContext } from "react-hook-form";

import type {
  RectificationAction,
  RectificationActionType,
} from "@/lib/domain/rectification/rectification.schema";
import type { EvidencePhoto } from "@/lib/hooks/use-rectification";

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
}: {
  allowed: readonly RectificationActionType[];
  /** Offer only these (the review queue shows the decisions, the item page everything). */
  only?: readonly ScreenActionType[];
  onAct: SubmitAction;
  photos?: EvidencePhotos;
  /** The earliest date an extension may ask for. */
  minDueDate?: string;
}) {
  const [open, setOpen] = useState<ScreenActionType | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<ScreenActionType | null>(null);
  const offered = (Object.keys(ACTION_SPECS) as ScreenActionType[]).filter(
    (type) =>
      allowed.includes(type) && isScreenAction(type) && (only === undefined || only.includes(type)),
  );
  if (offered.length === 0) return null;

  async function send(
    type: ScreenActionType,
    action: RectificationAction,
    evidence: readonly EvidencePhoto[] = [],
  ) {
    setPending(type);
    setError(null);
    const failure = await onAct(action, evidence);
    setPending(null);
    if (failure !== null) {
      setError(failure);
      return false;
    }
    setOpen(null);
    return true;
  }

  function choose(type: ScreenActionType) {
    setError(null);
    if (ACTION_SPECS[type].fields.length > 0) {
      setOpen(type);
      return;
    }
    const checked = validateAction(type, initialValues(type));
    if (checked.ok) void send(type, checked.action);
  }

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
      {error !== null ? (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
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
  photos,
  minDueDate,
  isSending,
  onCancel,
  onSubmit,
}: {
  type: ScreenActionType;
  photos: EvidencePhotos | undefined;
  minDueDate: string | undefined;
  isSending: boolean;
  onCancel: () => void;
  /** Resolves true when sent, false when refused (the form stays, with what was typed). */
  onSubmit: (action: RectificationAction, evidence: readonly EvidencePhoto[]) => Promise<boolean>;
}) {
  const spec = ACTION_SPECS[type];
  const [evidence, setEvidence] = useState<EvidencePhoto[]>([]);
  const form = useForm<Values>({
    defaultValues: initialValues(type),
    resolver: actionResolver(type),
  });

  const submit = form.handleSubmit(async (values) => {
    const checked = validateAction(type, values);
    if (!checked.ok) return;
    if (await onSubmit(checked.action, evidence)) {
      evidence.forEach((photo) => photos?.release(photo));
      setEvidence([]);
    }
  });

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
