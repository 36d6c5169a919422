import type { Metadata } from "next";

import { chinaDateTime } from "@/lib/domain/dates";
import { readableDistrictIds } from "@/lib/domain/org/org-scope";
import {
  AUDIT_ACTION_LABELS,
  AUDIT_ACTIONS,
  type AuditQuery,
  auditQuerySchema,
} from "@/lib/domain/org/people";
import { orgScopeOf } from "@/lib/server/auth/scope";
import { requirePageUser } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { ORG_ROLES } from "@/lib/server/org/http";
import { listAudit } from "@/lib/server/repositories/org/audit-log-repository";
import { readPageQuery, type SearchParams } from "@/lib/utils/search-params";

import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/field";
import { InvalidQuery } from "@/components/ui/invalid-query";
import { NumberedPager } from "@/components/ui/pager";
import { Select } from "@/components/ui/select";

export const metadata: Metadata = { title: "操作日志" };

/** "字段: 前 → 后" per changed field. */
function describeChange(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): string {
  if (!after) return "";
  return Object.keys(after)
    .map(
      (key) =>
        `${key}: ${before ? JSON.stringify(before[key] ?? null) + " → " : ""}${JSON.stringify(after[key])}`,
    )
    .join("；");
}

export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePageUser(ORG_ROLES);
  const db = getDb();
  const scope = await orgScopeOf(db, user);
  const { values, query, invalid } = await readPageQuery(searchParams, auditQuerySchema);
  return (
    <>
      <PageHeader
        title="操作日志"
        description="账号、角色、责任区和学校归属的每一次变更：谁、何时、改了什么（改前 → 改后）。"
      />
      <form method="get" className="mb-4 flex flex-wrap items-end gap-2">
        <Select
          name="action"
          defaultValue={values.action ?? ""}
          aria-label="操作类型"
          className="w-44"
        >
          <option value="">全部操作</option>
          {AUDIT_ACTIONS.map((a) => (
            <option key={a} value={a}>
              {AUDIT_ACTION_LABELS[a]}
            </option>
          ))}
        </Select>
        <Input
          type="date"
          name="from"
          defaultValue={values.from}
          aria-label="开始日期"
          className="w-40"
        />
        <Input
          type="date"
          name="to"
          defaultValue={values.to}
          aria-label="结束日期"
          className="w-40"
        />
        <Button type="submit" variant="secondary">
          筛选
        </Button>
      </form>
      {query ? (
        <AuditTable query={query} districtIds={readableDistrictIds(scope)} values={values} />
      ) : (
        <InvalidQuery message={invalid} path="/office/audit" />
      )}
    </>
  );
}

async function AuditTable({
  query,
  districtIds,
  values,
}: {
  query: AuditQuery;
  districtIds: readonly string[] | null;
  values: Record<string, string>;
}) {
  const { entries, total } = await listAudit(getDb(), query, districtIds);
  return (
    <>
      {/* Focusable, so the keyboard can scroll the wide table (axe scrollable-region-focusable). */}
      <Card className="overflow-x-auto p-0" tabIndex={0} role="region" aria-label="审计日志">
        <table className="w-full min-w-[48rem] text-left text-sm">
          <thead className="bg-slate-50 text-slate-600">
            <tr>
              <th className="px-3 py-2 font-medium">时间</th>
              <th className="px-3 py-2 font-medium">操作人</th>
              <th className="px-3 py-2 font-medium">操作</th>
              <th className="px-3 py-2 font-medium">对象</th>
              <th className="px-3 py-2 font-medium">变更</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {entries.map((e) => (
              <tr key={e.id}>
                <td className="px-3 py-2 whitespace-nowrap">{chinaDateTime(e.at)}</td>
                <td className="px-3 py-2">{e.actorName}</td>
                <td className="px-3 py-2">{AUDIT_ACTION_LABELS[e.action]}</td>
                <td className="px-3 py-2">{e.targetLabel}</td>
                <td className="px-3 py-2 font-mono text-xs break-all">
                  {describeChange(e.before, e.after)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {entries.length === 0 ? (
          <p className="p-4 text-center text-slate-500">没有符合条件的记录</p>
        ) : null}
      </Card>
      <NumberedPager
        path="/office/audit"
        values={values}
        page={query.page}
        pages={Math.ceil(total / query.pageSize)}
        summary={`共 ${total} 条`}
      />
    </>
  );
}
