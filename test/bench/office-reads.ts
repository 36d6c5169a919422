/**
 * Runs measure-office-reads.ts in a process of its own (it loads lib/server with server-only-hook.mjs,
 * and its memory must be the export's alone) and turns its figures into budget rows.
 */
import { spawn } from "node:child_process";

/** A figure and its budget: `atLeast` makes the budget a floor (a rate); null is information only. */
export type BudgetRow = {
  what: string;
  measured: number;
  budget: number | null;
  unit: string;
  note?: string;
  atLeast?: boolean;
};

type Figures = {
  ledger: { p95: number; worst: string; n: number };
  review: { p95: number; worst: string; n: number };
  notices: { p95: number; worst: string; n: number };
  dashboard: { p95: number; worst: string; n: number };
  visits: { p95: number; worst: string; n: number };
  coverage: { p95: number; worst: string; n: number };
  xlsx: { rows: number; growthMb: number; ms: number; bytes: number };
};

export async function measureOfficeReads(): Promise<BudgetRow[]> {
  const child = spawn(
    process.execPath,
    [
      "--expose-gc",
      "--import",
      "tsx",
      "--import",
      "./test/bench/server-only-hook.mjs",
      "test/bench/measure-office-reads.ts",
    ],
    { stdio: ["ignore", "pipe", "inherit"], env: { ...process.env, LOG_LEVEL: "silent" } },
  );
  let out = "";
  child.stdout.on("data", (c: Buffer) => (out += c.toString()));
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  if (code !== 0) throw new Error(`measure-office-reads exited with ${code}`);
  const figures = JSON.parse(out.trim().split("\n").pop()!) as Figures;
  const latency = (what: string, f: Figures["ledger"]): BudgetRow => ({
    what,
    measured: f.p95,
    budget: 200,
    unit: "ms",
    note: `p95 of ${f.n} requests; slowest: ${f.worst}`,
  });
  return [
    latency("督导室总览（各筛选组合）", figures.dashboard),
    latency("督导室整改台账一页（5000 所学校）", figures.ledger),
    latency("督导室待复核列表", figures.review),
    latency("整改通知书列表", figures.notices),
    latency("督导记录列表一页", figures.visits),
    latency("挂牌督导覆盖", figures.coverage),
    {
      what: `导出整改台账 xlsx（${figures.xlsx.rows} 行）：服务器内存增长`,
      measured: figures.xlsx.growthMb,
      budget: 200,
      unit: "MB",
      note: `${(figures.xlsx.ms / 1000).toFixed(1)} s, ${(figures.xlsx.bytes / 1024 / 1024).toFixed(1)} MB`,
    },
  ];
}
