"use client";

import Link from "next/link";
import { useState } from "react";

import { schoolContracts } from "@/lib/contracts/schools";
import type { SchoolImported } from "@/lib/domain/org/school-api";
import type { SchoolImportError } from "@/lib/domain/org/school-import";
import type { ApiResult } from "@/lib/hooks/api-client";
import { schoolApi } from "@/lib/hooks/use-schools";

import { linkButtonClass } from "@/components/templates/link-button";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

type Step =
  | { kind: "choose" }
  | { kind: "checking" }
  | { kind: "preview"; file: File; result: ApiResult<SchoolImported> }
  | { kind: "importing"; file: File }
  | { kind: "done"; result: SchoolImported };

/**
 * Template → upload → preview → confirm. The preview lists every error by row and column; only a
 * file without errors can be imported, and the import checks it again on the server.
 */
export function SchoolImport({ districtId }: { districtId: string | null }) {
  const [step, setStep] = useState<Step>({ kind: "choose" });
  const query = districtId ? `?districtId=${districtId}` : "";

  const check = async (file: File) => {
    setStep({ kind: "checking" });
    setStep({
      kind: "preview",
      file,
      result: await schoolApi.importFile(file, { districtId, commit: false }),
    });
  };

  const commit = async (file: File) => {
    setStep({ kind: "importing", file });
    const result = await schoolApi.importFile(file, { districtId, commit: true });
    setStep(result.ok ? { kind: "done", result: result.data } : { kind: "preview", file, result });
  };

  return (
    <div className="space-y-4">
      <Card className="space-y-2">
        <h2 className="font-medium text-slate-900">1. 下载模板并填写</h2>
        <p className="text-sm text-slate-600">
          模板第一行是表头，第二行是填写示例（导入前请改成本区县的学校或删除）。学校代码在本区县内唯一：再次导入同一学校代码会更新该校资料。
        </p>
        <a
          href={schoolContracts.importTemplate.path}
          download
          className={linkButtonClass("secondary")}
        >
          下载导入模板（.xlsx）
        </a>
      </Card>
      <Card className="space-y-2">
        <h2 className="font-medium text-slate-900">2. 上传填好的文件</h2>
        <label className="block text-sm text-slate-700" htmlFor="school-import-file">
          选择 Excel（.xlsx）或 CSV 文件
        </label>
        <input
          id="school-import-file"
          type="file"
          accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
          disabled={step.kind === "checking" || step.kind === "importing"}
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) void check(file);
            event.target.value = "";
          }}
          className="block text-sm"
        />
        {step.kind === "checking" ? <p role="status">正在检查文件…</p> : null}
      </Card>
      {step.kind === "preview" ? <Preview step={step} onCommit={commit} /> : null}
      {step.kind === "importing" ? <p role="status">正在导入…</p> : null}
      {step.kind === "done" ? (
        <Card className="space-y-2 border-green-200 bg-green-50">
          <p role="status" className="font-medium text-green-800">
            导入完成：共 {step.result.total} 所，新增 {step.result.created} 所，更新{" "}
            {step.result.updated} 所。{movedNote(step.result.moved, "已")}
          </p>
          <Link href={`/office/schools${query}`} className={linkButtonClass("primary")}>
            查看学校名单
          </Link>
        </Card>
      ) : null}
    </div>
  );
}

/** Schools the file moves to another 督学责任区: the same 调整责任区 as the school page, logged. */
function movedNote(moved: number, tense: "将" | "已"): string {
  return moved === 0 ? "" : `其中 ${moved} 所调整督学责任区，${tense}记入操作日志。`;
}

function Preview({
  step,
  onCommit,
}: {
  step: Extract<Step, { kind: "preview" }>;
  onCommit: (file: File) => void;
}) {
  const { result, file } = step;
  if (result.ok) {
    const { total, created, updated, moved } = result.data;
    return (
      <Card className="space-y-3">
        <h2 className="font-medium text-slate-900">3. 确认导入</h2>
        <p role="status" className="text-sm text-slate-700">
          「{file.name}」检查通过：共 {total} 所学校，将新增 {created} 所，更新 {updated} 所。
          {movedNote(moved, "将")}
        </p>
        <Button onClick={() => onCommit(file)}>确认导入</Button>
      </Card>
    );
  }
  return (
    <Card className="space-y-3 border-red-200">
      <h2 className="font-medium text-red-800">3. 文件有误，未导入任何学校</h2>
      <p role="alert" className="text-sm text-red-700">
        {result.message}。请在文件中改正后重新上传。
      </p>
      {result.rows.length > 0 ? <RowErrors rows={result.rows} /> : null}
    </Card>
  );
}

/** Every error of the file by row and column, as the spreadsheet numbers them. */
function RowErrors({ rows }: { rows: readonly SchoolImportError[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="bg-slate-50 text-xs text-slate-500">
          <tr>
            <th className="px-3 py-2 font-medium">行</th>
            <th className="px-3 py-2 font-medium">列</th>
            <th className="px-3 py-2 font-medium">问题</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((e, i) => (
            <tr key={i}>
              <td className="px-3 py-2 whitespace-nowrap tabular-nums">
                {e.row === 0 ? "—" : `第 ${e.row} 行`}
              </td>
              <td className="px-3 py-2 whitespace-nowrap">{e.column ?? "—"}</td>
              <td className="px-3 py-2">{e.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
