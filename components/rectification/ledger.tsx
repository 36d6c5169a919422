import Link from "next/link";

import { ledgerExportPath } from "@/lib/contracts/rectification";
import { toChinaDate } from "@/lib/domain/dates";
import type { ItemRow } from "@/lib/domain/rectification/ledger.schema";
import {
  RECTIFICATION_STATUS_LABELS,
  RECTIFICATION_STATUSES,
} from "@/lib/domain/rectification/rectification.schema";
import { SEVERITY_LABELS } from "@/lib/domain/template/template.labels";
import {
  DOMAIN_LABELS,
  severitySchema,
  TEMPLATE_DOMAINS,
} from "@/lib/domain/template/template.schema";

import { linkButtonClass } from "@/components/templates/link-button";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/select";

import { deadlineText } from "./format";
import { OverdueBadge, StatusBadge } from "./status-badge";

export type LedgerRow = Pick<
  ItemRow,
  "item" | "schoolName" | "zoneName" | "noticeNumber" | "inspectorName" | "daysOverdue"
>;

type Option = { value: string; label: string };

const OPEN_STATES = "pending,in_progress,submitted,returned";

/**
 * The 整改台账 filters as a plain GET form: the page reads them from the query, so a filtered view
 * is a link that can be shared (the dashboard links here with the same names), and the exports take
 * the very same query. Changing a filter starts again at page 1 (the form carries no cursor).
 */
export function LedgerFilters({
  current,
  zones,
  schools,
  inspectors,
}: {
  current: Record<string, string>;
  zones: readonly Option[];
  /** null: too many to list until a zone is chosen. */
  schools: readonly Option[] | null;
  inspectors: readonly Option[];
}) {
  const stateOptions: Option[] = [
    { value: OPEN_STATES, label: "未销号" },
    ...RECTIFICATION_STATUSES.map((status) => ({
      value: status,
      label: RECTIFICATION_STATUS_LABELS[status],
    })),
  ];
  const { after: _after, before: _before, ...filters } = current;
  return (
    <form
      method="get"
      className="mb-4 flex flex-wrap items-end gap-3 rounded-xl border border-slate-200 bg-white p-3"
    >
      <Filter name="state" label="状态" value={current.state} options={stateOptions} />
      <Filter
        name="overdue"
        label="逾期"
        value={current.overdue}
        options={[
          { value: "1", label: "已逾期" },
          { value: "0", label: "未逾期" },
        ]}
      />
      <Filter name="zone" label="责任区" value={current.zone} options={zones} />
      {schools === null ? null : (
        <Filter name="school" label="学校" value={current.school} options={schools} />
      )}
      <Filter name="inspector" label="督学" value={current.inspector} options={inspectors} />
      <Filter
        name="domain"
        label="检查领域"
        value={current.domain}
        options={TEMPLATE_DOMAINS.map((d) => ({ value: d, label: DOMAIN_LABELS[d] }))}
      />
      <Filter
        name="severity"
        label="等级"
        value={current.severity}
        options={severitySchema.options.map((s) => ({ value: s, label: SEVERITY_LABELS[s] }))}
      />
      <DateField name="from" label="发现日期自" value={current.from} />
      <DateField name="to" label="至" value={current.to} />
      <div className="min-w-[10rem] space-y-1">
        <label htmlFor="filter-q" className="block text-xs font-medium text-slate-500">
          搜索
        </label>
        <input
          id="filter-q"
          name="q"
          type="search"
          defaultValue={current.q ?? ""}
          placeholder="学校、问题、通知书编号"
          className="focus:border-brand-600 block h-9 w-full rounded-lg border border-slate-300 px-3 text-sm"
        />
      </div>
      <div className="min-w-[8rem] space-y-1">
        <label htmlFor="filter-sort" className="block text-xs font-medium text-slate-500">
          排序
        </label>
        <Select
          id="filter-sort"
          name="sort"
          defaultValue={current.sort ?? ""}
          className="h-9 text-sm"
        >
          <option value="">发现日期（新→旧）</option>
          <option value="due">整改期限（近→远）</option>
        </Select>
      </div>
      <div className="flex gap-2">
        <Button type="submit" size="sm">
          筛选
        </Button>
        <Link href="/office/items" className={linkButtonClass("secondary")}>
          清除
        </Link>
        <a
          href={ledgerExportPath("xlsx", withoutSort(filters))}
          className={linkButtonClass("secondary")}
          download
        >
          导出 Excel
        </a>
        <a
          href={ledgerExportPath("csv", withoutSort(filters))}
          className={linkButtonClass("secondary")}
          download
        >
          导出 CSV
        </a>
      </div>
    </form>
  );
}

function withoutSort(query: Record<string, string>): Record<string, string> {
  const { sort: _sort, dir: _dir, limit: _limit, ...filters } = query;
  return filters;
}

function DateField({ name, label, value }: { name: string; label: string; value?: string }) {
  const id = `filter-${name}`;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-xs font-medium text-slate-500">
        {label}
      </label>
      <input
        id={id}
        name={name}
        type="date"
        defaultValue={value ?? ""}
        className="focus:border-brand-600 block h-9 rounded-lg border border-slate-300 px-2 text-sm"
      />
    </div>
  );
}

function Filter({
  name,
  label,
  value,
  options,
}: {
  name: string;
  label: string;
  value: string | undefined;
  options: readonly Option[];
}) {
  const id = `filter-${name}`;
  return (
    <div className="min-w-[8rem] space-y-1">
      <label htmlFor={id} className="block text-xs font-medium text-slate-500">
        {label}
      </label>
      <Select id={id} name={name} defaultValue={value ?? ""} className="h-9 text-sm">
        <option value="">全部</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </Select>
    </div>
  );
}

/** The ledger table, one row per item, each opening its page. */
export function LedgerTable({ rows }: { rows: readonly LedgerRow[] }) {
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <table className="w-full min-w-[52rem] text-left text-sm">
        <thead className="bg-slate-50 text-xs text-slate-500">
          <tr>
            <th className="px-3 py-2 font-medium">学校</th>
            <th className="px-3 py-2 font-medium">整改事项</th>
            <th className="px-3 py-2 font-medium">等级</th>
            <th className="px-3 py-2 font-medium">状态</th>
            <th className="px-3 py-2 font-medium">整改期限</th>
            <th className="px-3 py-2 font-medium">通知书</th>
            <th className="px-3 py-2 font-medium">督学</th>
            <th className="px-3 py-2 font-medium">发现日期</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map(({ item, schoolName, zoneName, noticeNumber, inspectorName, daysOverdue }) => (
            <tr key={item.id} className="align-top hover:bg-slate-50">
              <td className="px-3 py-2">
                <p className="text-slate-900">{schoolName}</p>
                <p className="text-xs text-slate-500">{zoneName}</p>
              </td>
              <td className="max-w-[22rem] px-3 py-2">
                <Link href={`/office/items/${item.id}`} className="text-brand-700 hover:underline">
                  {item.prompt}
                </Link>
                {item.extension ? <p className="text-xs text-amber-700">延期申请待审批</p> : null}
              </td>
              <td className="px-3 py-2 whitespace-nowrap">{SEVERITY_LABELS[item.severity]}</td>
              <td className="px-3 py-2">
                <div className="flex flex-wrap gap-1">
                  <StatusBadge status={item.status} />
                  <OverdueBadge days={daysOverdue} />
                </div>
              </td>
              <td className="px-3 py-2 whitespace-nowrap">{deadlineText(item)}</td>
              <td className="px-3 py-2 text-xs whitespace-nowrap">
                {noticeNumber && item.noticeId ? (
                  <Link
                    href={`/office/notices/${item.noticeId}`}
                    className="text-brand-700 hover:underline"
                  >
                    {noticeNumber}
                  </Link>
                ) : (
                  "—"
                )}
              </td>
              <td className="px-3 py-2 whitespace-nowrap">{inspectorName}</td>
              <td className="px-3 py-2 whitespace-nowrap text-slate-500">
                {toChinaDate(item.createdAt)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
