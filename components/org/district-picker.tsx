import type { DistrictView } from "@/lib/domain/org/people";

import { Select } from "@/components/ui/select";

/**
 * Which of the districts a city or admin user manages an action is for; nothing when there is only
 * one (an office's own district).
 */
export function DistrictPicker({
  districts,
  value,
  onChange,
  className,
}: {
  districts: readonly DistrictView[];
  value: string;
  onChange: (districtId: string) => void;
  className?: string;
}) {
  if (districts.length <= 1) return null;
  return (
    <Select
      aria-label="区县"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      className={className}
    >
      {districts.map((d) => (
        <option key={d.id} value={d.id}>
          {d.name}
        </option>
      ))}
    </Select>
  );
}
