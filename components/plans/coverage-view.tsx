import Link from "next/link";

import { chinaDateTime } from "@/lib/domain/dates";
import { toQueryString } from "@/lib/utils/search-params";

import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/field";
import { Select } from "@/components/ui/select";

type Totals = { schools: number; covered: number; visits: number };

function rate({ schools, covered }: Totals): string {
  return schools === 0 ? "—" : `${Math.round((covered / schools) * 100)}%`;
}

const th = "px-3 py-2 font-medium";
const td = "px-3 py-2";

export function CoverageFilters({
  values,
  month,
  zones,
  inspectors,
}: {
  values: Record<string, string>;
  month: string;
  zones: readonly { value: string; label: string }[];
  inspectors: readonly { value: string; label: string }[];
}) {
  return (
    <form method="get" className="mb-3 flex flex-wrap items-end gap-2">
      <label className="text-sm text-slate-700">
        月份
        <Input type="month" name="month" defaultValue={month} className="w-44" />
      </label>
      <label className="text-sm text-slate-700">
        督学责任区
        <Select name="zoneId" defaultValue={values.zoneId ?? ""} className="w-40">
          <option value="">全部</option>
          {zones.map((z) => (
            <option key={z.value} value={z.value}>
              {z.label}
            </option>
          ))}
        </Select>
      </label>
      <label className="text-sm text-slate-700">
        督学
        <Select name="inspectorId" defaultValue={values.inspectorId ?? ""} className="w-40">
          <option value="">全部</option>
          {inspectors.map((z) => (
            <option key={z.value} value={z.value}>
              {z.label}
            </option>
          ))}
        </Select>
      </label>
      <label className="flex h-11 items-center gap-2 text-sm text-slate-700">
        <input type="checkbox" name="missing" value="1" defaultChecked={values.missing === "1"} />
        只看未达标学校
      </label>
      <Button type="submit" variant="secondary">
        查看
      </Button>
    </form>
  );
}

export function CoverageTotalsCard({ totals, required }: { totals: Totals; required: string }) {
  return (
    <Card className="mb-4 grid gap-3 sm:grid-cols-4">
      <div>
        <p className="text-xs text-slate-500">学校</p>
        <p className="text-2xl font-semibold text-slate-900">{totals.schools}</p>
      </div>
      <div>
        <p className="text-xs text-slate-500">已达标</p>
        <p className="text-2xl font-semibold text-slate-900" data-testid="coverage-covered">
          {totals.covered}
        </p>
      </div>
      <div>
        <p className="text-xs text-slate-500">覆盖率</p>
        <p className="text-2xl font-semibold text-slate-900">{rate(totals)}</p>
      </div>
      <div>
        <p className="text-xs text-slate-500">挂牌督导次数</p>
        <p className="text-2xl font-semibold text-slate-900">{totals.visits}</p>
        <p className="text-xs text-slate-500">{required}</p>
      </div>
    </Card>
  );
}

export function ZoneCoverageTable({
  rows,
}: {
  rows: readonly (Totals & { zoneName: string | null; districtName: string })[];
}) {
  return (
    <table className="min-w-full text-sm">
      <thead className="bg-slate-50 text-left text-slate-600">
        <tr>
          <th className={th}>督学责任区</th>
          <th className={th}>学校</th>
          <th className={th}>已达标</th>
          <th className={th}>覆盖率</th>
          <th className={th}>督导次数</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((z) => (
          <tr key={`${z.districtName}-${z.zoneName}`}>
            <td className={td}>
              {z.zoneName ?? "未划分责任区"}
              <span className="ml-1 text-xs text-slate-500">{z.districtName}</span>
            </td>
            <td className={td}>{z.schools}</td>
            <td className={td}>{z.covered}</td>
            <td className={td}>{rate(z)}</td>
            <td className={td}>{z.visits}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function InspectorCoverageTable({
  rows,
}: {
  rows: readonly (Totals & { inspectorId: string; inspectorName: string; ownVisits: number })[];
}) {
  return (
    <table className="min-w-full text-sm">
      <thead className="bg-slate-50 text-left text-slate-600">
        <tr>
          <th className={th}>督学</th>
          <th className={th}>负责学校</th>
          <th className={th}>已达标</th>
          <th className={th}>覆盖率</th>
          <th className={th}>本人督导次数</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((r) => (
          <tr key={r.inspectorId}>
            <td className={td}>{r.inspectorName}</td>
            <td className={td}>{r.schools}</td>
            <td className={td}>{r.covered}</td>
            <td className={td}>{rate(r)}</td>
            <td className={td}>{r.ownVisits}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function SchoolCoverageTable({
  rows,
  next,
  values,
}: {
  rows: readonly {
    schoolId: string;
    schoolCode: string;
    schoolName: string;
    zoneName: string | null;
    required: number;
    visits: number;
    lastVisitAt: number | null;
    isCovered: boolean;
  }[];
  next: string | null;
  values: Record<string, string>;
}) {
  return (
    <>
      <table className="min-w-full text-sm">
        <thead className="bg-slate-50 text-left text-slate-600">
          <tr>
            <th className={th}>学校</th>
            <th className={th}>责任区</th>
            <th className={th}>本月督导</th>
            <th className={th}>最近一次</th>
            <th className={th}>状态</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((s) => (
            <tr key={s.schoolId}>
              <td className={td}>
                {s.schoolName}
                <span className="ml-1 text-xs text-slate-500">{s.schoolCode}</span>
              </td>
              <td className={td}>{s.zoneName ?? "—"}</td>
              <td className={td}>
                {s.visits} / {s.required}
              </td>
              <td className={td}>{s.lastVisitAt === null ? "—" : chinaDateTime(s.lastVisitAt)}</td>
              <td className={s.isCovered ? `${td} text-emerald-700` : `${td} text-red-700`}>
                {s.isCovered ? "已达标" : "待督导"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {next ? (
        <p className="mt-2 text-right text-sm">
          <Link
            href={`/office/coverage${toQueryString({ ...values, after: next })}`}
            className="text-brand-700 underline underline-offset-4"
          >
            下一页
          </Link>
        </p>
      ) : null}
    </>
  );
}
