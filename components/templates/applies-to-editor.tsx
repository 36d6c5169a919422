"use client";

import { CANTEEN_LABELS, OWNERSHIP_LABELS, STAGE_LABELS } from "@/lib/domain/org/org.labels";
import type { AppliesTo } from "@/lib/domain/template/template.schema";

import { Select } from "@/components/ui/select";

type ListKey = "stages" | "ownership" | "canteen";
type FlagKey = "isBoarding" | "hasSchoolBus" | "isVillage";

const LISTS: { key: ListKey; legend: string; labels: Record<string, string> }[] = [
  { key: "stages", legend: "学段", labels: STAGE_LABELS },
  { key: "ownership", legend: "办学性质", labels: OWNERSHIP_LABELS },
  { key: "canteen", legend: "食堂类型", labels: CANTEEN_LABELS },
];

const FLAGS: { key: FlagKey; label: string; yes: string; no: string }[] = [
  { key: "isBoarding", label: "寄宿制", yes: "仅寄宿制学校", no: "仅非寄宿制学校" },
  { key: "hasSchoolBus", label: "校车", yes: "仅有校车的学校", no: "仅无校车的学校" },
  { key: "isVillage", label: "村小和教学点", yes: "仅村小和教学点", no: "不含村小和教学点" },
];

/** Drops empty lists and unset flags; nothing left means "every school" (null), as the schema reads it. */
function normalise(appliesTo: AppliesTo): AppliesTo | null {
  const entries = Object.entries(appliesTo).filter(
    ([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0),
  );
  return entries.length === 0 ? null : Object.fromEntries(entries);
}

/**
 * Which schools an item applies to: ticked values of a list (any of them) and yes/no flags, every
 * condition set must hold; no condition means every school.
 */
export function AppliesToEditor({
  id,
  value,
  onChange,
}: {
  id: string;
  value: AppliesTo | null;
  onChange: (value: AppliesTo | null) => void;
}) {
  const current = value ?? {};
  const update = (
    patch: Partial<Record<ListKey, string[]> & Record<FlagKey, boolean | undefined>>,
  ) => onChange(normalise({ ...current, ...patch } as AppliesTo));

  return (
    <div id={id} className="space-y-3 rounded-lg border border-slate-200 p-3">
      {LISTS.map(({ key, legend, labels }) => {
        const selected: readonly string[] = current[key] ?? [];
        return (
          <fieldset key={key}>
            <legend className="text-sm text-slate-600">{legend}（不选为不限）</legend>
            <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
              {Object.entries(labels).map(([option, label]) => (
                <label key={option} className="flex min-h-9 items-center gap-1.5 text-sm">
                  <input
                    type="checkbox"
                    className="size-4"
                    checked={selected.includes(option)}
                    onChange={(event) =>
                      update({
                        [key]: event.target.checked
                          ? [...selected, option]
                          : selected.filter((s) => s !== option),
                      })
                    }
                  />
                  {label}
                </label>
              ))}
            </div>
          </fieldset>
        );
      })}
      <div className="grid gap-3 sm:grid-cols-3">
        {FLAGS.map((flag) => (
          <label key={flag.key} className="space-y-1 text-sm text-slate-600">
            <span>{flag.label}</span>
            <Select
              value={current[flag.key] === undefined ? "" : String(current[flag.key])}
              onChange={(event) =>
                update({
                  [flag.key]: event.target.value === "" ? undefined : event.target.value === "true",
                })
              }
            >
              <option value="">不限</option>
              <option value="true">{flag.yes}</option>
              <option value="false">{flag.no}</option>
            </Select>
          </label>
        ))}
      </div>
    </div>
  );
}
