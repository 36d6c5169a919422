import { STAGE_LABELS } from "@/lib/domain/org/org.labels";
import type { Zone } from "@/lib/domain/org/org.schema";

import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import { Select } from "@/components/ui/select";

/** Search and filters of the school list as a plain GET form: the query string is the state. */
export function SchoolFilters({
  values,
  zones,
  districts,
  districtId,
}: {
  values: Record<string, string>;
  zones: readonly Zone[];
  /** An admin's district picker; empty for an office. */
  districts: readonly { id: string; name: string }[];
  districtId: string;
}) {
  return (
    <form method="get" role="search" className="mb-3 flex flex-wrap items-end gap-2">
      {districts.length > 1 ? (
        <label className="text-sm text-slate-700">
          区县
          <Select name="district" defaultValue={districtId} className="w-40">
            {districts.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </Select>
        </label>
      ) : null}
      <label className="text-sm text-slate-700">
        搜索
        <Input
          name="q"
          defaultValue={values.q ?? ""}
          placeholder="校名、学校代码、校长或联系人"
          className="w-64"
        />
      </label>
      <label className="text-sm text-slate-700">
        督学责任区
        <Select name="zone" defaultValue={values.zone ?? ""} className="w-40">
          <option value="">全部</option>
          <option value="none">未分配</option>
          {zones.map((z) => (
            <option key={z.id} value={z.id}>
              {z.name}
            </option>
          ))}
        </Select>
      </label>
      <label className="text-sm text-slate-700">
        学段
        <Select name="stage" defaultValue={values.stage ?? ""} className="w-36">
          <option value="">全部</option>
          {Object.entries(STAGE_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </Select>
      </label>
      <label className="text-sm text-slate-700">
        状态
        <Select name="active" defaultValue={values.active ?? ""} className="w-28">
          <option value="">全部</option>
          <option value="true">在用</option>
          <option value="false">已停用</option>
        </Select>
      </label>
      <Button type="submit" variant="secondary">
        筛选
      </Button>
    </form>
  );
}
