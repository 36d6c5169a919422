"use client";

import { useRef, type KeyboardEvent } from "react";

import type { Judgement } from "@/lib/domain/template/template.schema";
import { cn } from "@/lib/utils/cn";

/**
 * Colours of the four answers. Every pair meets WCAG 2.1 AA (4.5:1): white on the -700 shades
 * (slate-600), and the -700/-800 shades on white.
 */
export const JUDGEMENT_STYLES: Record<Judgement, { on: string; off: string; text: string }> = {
  pass: {
    on: "border-emerald-700 bg-emerald-700 text-white",
    off: "border-emerald-200 text-emerald-800",
    text: "text-emerald-700",
  },
  partial: {
    on: "border-amber-700 bg-amber-700 text-white",
    off: "border-amber-200 text-amber-800",
    text: "text-amber-700",
  },
  fail: {
    on: "border-red-700 bg-red-700 text-white",
    off: "border-red-200 text-red-700",
    text: "text-red-700",
  },
  na: {
    on: "border-slate-600 bg-slate-600 text-white",
    off: "border-slate-200 text-slate-600",
    text: "text-slate-600",
  },
};

/** The focus ring every answer control shows when reached by keyboard. */
export const FOCUS_RING =
  "focus-visible:outline-brand-600 focus-visible:outline-2 focus-visible:outline-offset-2";

export type AnswerOption = { value: string; judgement: Judgement; label: string };

const STEPS: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };

/**
 * An item's answers as one radio group (WAI-ARIA radio pattern): one tab stop, arrow keys move
 * and choose, Space or a tap chooses. Tapping the chosen answer again clears it, as the checklist
 * always has. Buttons rather than native radios, so a tap on the chosen one reaches `onChoose`.
 * `data-answer` names the edit a button makes, so a tap on the visit's snapshot can be applied
 * once the live checklist is there (lib/hooks/visit-snapshot.ts).
 */
export function AnswerOptions({
  label,
  options,
  chosen,
  onChoose,
  answerKind,
  disabled,
  className,
}: {
  label: string;
  options: readonly AnswerOption[];
  /** The chosen option's value, or null. */
  chosen: string | null;
  onChoose: (value: string) => void;
  /** What choosing sets: the item's result (符合 …) or its value (a choice option). */
  answerKind: "result" | "value";
  disabled: boolean;
  className: string;
}) {
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const chosenIndex = options.findIndex((o) => o.value === chosen);
  const tabStop = chosenIndex === -1 ? 0 : chosenIndex;

  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const count = options.length;
    const target =
      event.key === "Home"
        ? 0
        : event.key === "End"
          ? count - 1
          : event.key in STEPS
            ? (index + STEPS[event.key]! + count) % count
            : null;
    if (target === null) return;
    event.preventDefault();
    buttons.current[target]?.focus();
    const option = options[target]!;
    if (option.value !== chosen) onChoose(option.value);
  };

  return (
    <div role="radiogroup" aria-label={label} className={className}>
      {options.map((option, index) => {
        const isOn = option.value === chosen;
        const style = JUDGEMENT_STYLES[option.judgement];
        return (
          <button
            key={option.value}
            ref={(element) => {
              buttons.current[index] = element;
            }}
            type="button"
            role="radio"
            aria-checked={isOn}
            data-answer={option.value}
            data-answer-kind={answerKind}
            tabIndex={index === tabStop ? 0 : -1}
            disabled={disabled}
            onClick={() => onChoose(option.value)}
            onKeyDown={(event) => onKeyDown(event, index)}
            // No colour transition: a tap shows its answer in the next frame, and a fading button
            // re-styles and repaints every frame while the inspector taps on (issue #10).
            className={cn(
              "min-h-12 rounded-lg border bg-white px-1 text-[15px] font-medium disabled:opacity-70",
              FOCUS_RING,
              isOn ? style.on : style.off,
            )}
          >
            {option.label}
          </button>
        );
      })}
    </div>
  );
}
