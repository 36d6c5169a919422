import Link from "next/link";

import { chinaDateTime } from "@/lib/domain/dates";
import { VISIT_KIND_LABELS } from "@/lib/domain/visit/visit.labels";
import { toQueryString } from "@/lib/utils/search-params";

import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import { Select } from "@/components/ui/select";

type Option = { value: string; label: string };

export type VisitListItem = {
  id: string;
  kind: keyof typeof VISIT_KIND_LABELS;
  startedAt: number;
  endedAt: number | null;
  submittedAt: number | null;
  schoolName: string;
  zoneName: string | null;
  inspectorName: string;
  campaignName: string | null;
  findings: number;
  noticeId: string | null;
  noticeNumber: string | null;
};

function OptionSelect({
  name,
  label,
  options,
  value,
}: {
  name: string;
  label: string;
  options: readonly Option[];
  value: string | undefined;
}) {
  return (
    <label className="text-sm text-slate-700">
      {label}
      <Select name={name} defaultValue={value ?? ""} className="w-40">
        <option value="">全部</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </label>
  );
}

/** The list's filters as a plain GET form: the query string is the state. */
export function VisitFilters({
  values,
  zones,
  schools,
  inspectors,
  campaigns,
}: {
  values: Record<string, string>;
  zones: readonly Option[];
  schools: readonly Option[];
  inspectors: readonly Option[];
  campaigns: readonly Option[];
}) {
  return (
    <form method="get" role="search" className="mb-3 flex flex-wrap items-end gap-2">
      <OptionSelect name="zoneId" label="督学责任区" options={zones} value={values.zoneId} />
      {schools.length > 0 ? (
        <OptionSelect name="schoolId" label="学校" options={schools} value={values.schoolId} />
      ) : null}
      <OptionSelect
        name="inspectorId"
        label="督学"
        options={inspectors}
        value={values.inspectorId}
      />
      <OptionSelect
        name="kind"
        label="督导类型"
        options={Object.entries(VISIT_KIND_LABELS).map(([value, label]) => ({ value, label }))}
        value={values.kind}
      />
      {campaigns.length > 0 ? (
        <OptionSelect
          name="campaignId"
          label="专项"
          options={campaigns}
          value={values.campaignId}
        />
      ) : null}
      <label className="text-sm text-slate-700">
        开始日期
        <Input type="date" name="from" defaultValue={values.from ?? ""} className="w-40" />
      </label>
      <label className="text-sm text-slate-700">
        结束日期
        <Input type="date" name="to" defaultValue={values.to ?? ""} className="w-40" />
      </label>
      <OptionSelect
        name="findings"
        label="发现问题"
        options={[
          { value: "yes", label: "有问题" },
          { value: "no", label: "无问题" },
        ]}
        value={values.findings}
      />
      <Button type="submit" variant="secondary">
        筛选
      </Button>
    </form>
  );
}

function minutesOnSite(row: VisitListItem): string {
  const end = row.endedAt ?? row.submittedAt;
  if (end === null) return "—";
  const minutes = Math.max(0, Math.round((end - row.startedAt) / 60_000));
  return minutes >= 60 ? `${Math.floor(minutes / 60)}小时${minutes % 60}分` : `${minutes}分钟`;
}

/** One page of visits, newest first, with a link to the next page that keeps the filters. */
export function VisitTable({
  rows,
  next,
  values,
}: {
  rows: readonly VisitListItem[];
  next: string | null;
  values: Record<string, string>;
}) {
  return (
    <div className="space-y-3">
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full text-sm">
          <thead className="bg-slate-50 text-left text-slate-600">
            <tr>
              <th className="px-3 py-2 font-medium">检查时间</th>
              <th className="px-3 py-2 font-medium">学校</th>
              <th className="px-3 py-2 font-medium">责任区</th>
              <th className="px-3 py-2 font-medium">督学</th>
              <th className="px-3 py-2 font-medium">类型</th>
              <th className="px-3 py-2 font-medium">在校时长</th>
              <th className="px-3 py-2 font-medium">发现问题</th>
              <th className="px-3 py-2 font-medium">整改通知书</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((row) => (
              <tr key={row.id}>
                <td className="px-3 py-2 whitespace-nowrap">
                  <Link
                    href={`/office/visits/${row.id}`}
                    className="text-brand-700 underline underline-offset-4"
                  >
                    {chinaDateTime(row.startedAt)}
                  </Link>
                </td>
                <td className="px-3 py-2">{row.schoolName}</td>
                <td className="px-3 py-2">{row.zoneName ?? "—"}</td>
                <td className="px-3 py-2">{row.inspectorName}</td>
                <td className="px-3 py-2">
                  {VISIT_KIND_LABELS[row.kind]}
                  {row.campaignName ? (
                    <span className="block text-xs text-slate-500">{row.campaignName}</span>
                  ) : null}
                </td>
                <td className="px-3 py-2 whitespace-nowrap">{minutesOnSite(row)}</td>
                <td className="px-3 py-2">{row.findings === 0 ? "无" : `${row.findings} 项`}</td>
                <td className="px-3 py-2">
                  {row.noticeId ? (
                    <Link
                      href={`/office/notices/${row.noticeId}`}
                      className="text-brand-700 underline underline-offset-4"
                    >
                      {row.noticeNumber}
                    </Link>
                  ) : (
                    "—"
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="flex justify-end gap-3 text-sm">
        {values.after ? (
          <Link
            href={`/office/visits${toQueryString({ ...values, after: "" })}`}
            className="text-brand-700 underline underline-offset-4"
          >
            回到第一页
          </Link>
        ) : null}
        {next ? (
          <Link
            href={`/office/visits${toQueryString({ ...values, after: next })}`}
            className="text-brand-700 underline underline-offset-4"
          >
            下一页
          </Link>
        ) : null}
      </div>
    </div>
  );
}
