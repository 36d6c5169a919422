"use client";

import { usePathname, useRouter } from "next/navigation";

import { type DashboardFilters, filterParams } from "@/lib/domain/analytics/filters";
import { SEVERITY_LABELS } from "@/lib/domain/template/template.labels";
import { DOMAIN_LABELS } from "@/lib/domain/template/template.schema";

import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import { Select } from "@/components/ui/select";

type Option = { id: string; name: string };

/**
 * The dashboard's filters. Each change rewrites the URL (?zone=&domain=…), so the view survives a
 * reload and can be shared; the server reads the same parameters.
 */
export function DashboardFilterBar({
  filters,
  zones,
  schools,
  inspectors,
}: {
  filters: DashboardFilters;
  zones: Option[];
  schools: Option[];
  inspectors: Option[];
}) {
  const router = useRouter();
  const pathname = usePathname();

  function set(key: keyof DashboardFilters, value: string) {
    const next: Record<string, string | undefined> = { ...filters, [key]: value || undefined };
    // A school belongs to one zone: changing the zone drops it.
    if (key === "zone") next.school = undefined;
    const query = filterParams(next).toString();
    router.push(query ? `${pathname}?${query}` : pathname);
  }

  const select = (
    key: "zone" | "school" | "inspector" | "domain" | "severity",
    label: string,
    options: Option[],
  ) => (
    <label className="block text-sm">
      <span className="mb-1 block text-slate-600">{label}</span>
      <Select
        aria-label={label}
        value={filters[key] ?? ""}
        onChange={(e) => set(key, e.target.value)}
      >
        <option value="">全部</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </Select>
    </label>
  );

  const date = (key: "from" | "to" | "month", label: string, type: "date" | "month") => (
    <label className="block text-sm">
      <span className="mb-1 block text-slate-600">{label}</span>
      <Input
        aria-label={label}
        type={type}
        defaultValue={filters[key] ?? ""}
        onBlur={(e) => {
          if (e.target.value !== (filters[key] ?? "")) set(key, e.target.value);
        }}
      />
    </label>
  );

  return (
    <form
      aria-label="筛选"
      className="grid gap-3 rounded-xl border border-slate-200 bg-white p-4 sm:grid-cols-3 lg:grid-cols-5"
      onSubmit={(e) => e.preventDefault()}
    >
      {select("zone", "责任区", zones)}
      {filters.zone ? select("school", "学校", schools) : null}
      {select("inspector", "督学", inspectors)}
      {select(
        "domain",
        "检查领域",
        Object.entries(DOMAIN_LABELS).map(([id, name]) => ({ id, name })),
      )}
      {select(
        "severity",
        "问题等级",
        Object.entries(SEVERITY_LABELS).map(([id, name]) => ({ id, name })),
      )}
      {date("from", "发现日期从", "date")}
      {date("to", "发现日期至", "date")}
      {date("month", "督导覆盖月份", "month")}
      <div className="flex items-end">
        <Button variant="ghost" onClick={() => router.push(pathname)}>
          清除筛选
        </Button>
      </div>
    </form>
  );
}
