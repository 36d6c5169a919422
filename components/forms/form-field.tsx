"use client";

import type { ReactNode } from "react";
import { type FieldError, get, useFormState } from "react-hook-form";

import { Field } from "@/components/ui/field";

/** What a control inside FormField spreads onto itself to be labelled and to announce its error. */
export type ControlAria = {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
};

/** A dotted form path as an element id: "items.3.prompt" → "items-3-prompt". */
export function fieldId(name: string): string {
  return name.replaceAll(".", "-");
}

/**
 * The schema's message for a field of the surrounding form, if it has one. A field array's own
 * error (e.g. too few entries) sits under `root`, next to its entries' errors.
 */
export function useFieldError(name: string): string | undefined {
  const { errors } = useFormState({ name });
  const at = (path: string) => get<typeof errors, FieldError | undefined>(errors, path)?.message;
  return at(name) ?? at(`${name}.root`);
}

/**
 * Label, control and the schema's error message for one react-hook-form field (docs/architecture.md §8).
 * Reads the error from the surrounding FormProvider, so callers only name the field.
 */
export function FormField({
  name,
  label,
  hint,
  children,
}: {
  name: string;
  label: string;
  hint?: ReactNode;
  children: (aria: ControlAria) => ReactNode;
}) {
  const error = useFieldError(name);
  const id = fieldId(name);
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      {children({
        id,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": error ? `${id}-error` : undefined,
      })}
    </Field>
  );
}
