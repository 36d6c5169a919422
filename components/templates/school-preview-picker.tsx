"use client";

import { usePathname, useRouter } from "next/navigation";

import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";

/** Picks the school to preview; the choice lives in the URL so the server renders the preview. */
export function SchoolPreviewPicker({
  schools,
  selected,
  version,
}: {
  schools: { id: string; name: string }[];
  selected: string | null;
  version: number | null;
}) {
  const router = useRouter();
  const pathname = usePathname();
  return (
    <Field id="preview-school" label="为学校预览">
      <Select
        id="preview-school"
        value={selected ?? ""}
        onChange={(event) => {
          const params = new URLSearchParams();
          if (version !== null) params.set("version", String(version));
          if (event.target.value) params.set("school", event.target.value);
          const query = params.toString();
          router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
        }}
      >
        <option value="">不预览（显示全部检查项）</option>
        {schools.map((school) => (
          <option key={school.id} value={school.id}>
            {school.name}
          </option>
        ))}
      </Select>
    </Field>
  );
}
