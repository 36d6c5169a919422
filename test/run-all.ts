/**
 * `npm test`: the whole suite in order — unit tests, integration tests against the
 * embedded PostgreSQL (and again against TEST_DATABASE_URL when it is set), then end-to-end tests in
 * the system Chromium. Prints one closing "N passed, N failed" line and exits non-zero on any failure.
 *
 * The integration passes run on a set clock (TEST_CLOCK, lib/utils/clock.ts): the embedded one at a
 * fixed date, the external one a year later, so neither depends on today's date. The tests build
 * their own scenarios and never run the demo seed (a lint rule keeps it so).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const CHROMIUM = "/usr/bin/chromium";
const results = path.join(process.cwd(), "test-results");
fs.mkdirSync(results, { recursive: true });

type Counts = { passed: number; failed: number };
const total: Counts = { passed: 0, failed: 0 };
/** Failed tests by name, repeated after the closing line so that a log's tail says what failed. */
const failures: string[] = [];
let anyStepFailed = false;

function run(
  title: string,
  command: string,
  args: string[],
  env: Record<string, string> = {},
): boolean {
  console.warn(`\n━━ ${title} ━━`);
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  const ok = result.status === 0;
  if (!ok) anyStepFailed = true;
  return ok;
}

function addVitest(file: string, title: string): void {
  if (!fs.existsSync(file)) return;
  const report = JSON.parse(fs.readFileSync(file, "utf8")) as {
    numPassedTests: number;
    numFailedTests: number;
    testResults: {
      name: string;
      status: string;
      message?: string;
      assertionResults: { fullName: string; status: string }[];
    }[];
  };
  total.passed += report.numPassedTests;
  total.failed += report.numFailedTests;
  for (const result of report.testResults) {
    const where = `${title} ${path.relative(process.cwd(), result.name)}`;
    const failed = result.assertionResults.filter((test) => test.status === "failed");
    for (const test of failed) failures.push(`${where} › ${test.fullName}`);
    // A file that failed to load or in a hook has no failed test of its own.
    if (result.status === "failed" && failed.length === 0) {
      failures.push(`${where}: ${result.message?.split("\n")[0] ?? "failed"}`);
    }
  }
}

type PlaywrightSuite = {
  title: string;
  file: string;
  specs: { title: string; line: number; tests: { status: string }[] }[];
  suites?: PlaywrightSuite[];
};

function addPlaywrightFailures(suites: PlaywrightSuite[]): void {
  for (const suite of suites) {
    for (const spec of suite.specs) {
      if (spec.tests.some((test) => test.status === "unexpected")) {
        failures.push(`e2e ${suite.file}:${spec.line} › ${spec.title}`);
      }
    }
    addPlaywrightFailures(suite.suites ?? []);
  }
}

function vitest(
  title: string,
  projects: string[],
  reportName: string,
  env: Record<string, string> = {},
): void {
  const outputFile = path.join(results, `${reportName}.json`);
  fs.rmSync(outputFile, { force: true });
  const projectArgs = projects.flatMap((p) => ["--project", p]);
  run(
    title,
    "npx",
    [
      "vitest",
      "run",
      ...projectArgs,
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${outputFile}`,
    ],
    env,
  );
  addVitest(outputFile, reportName);
}

vitest("单元测试 (unit)", ["unit"], "unit");
const FIXED_DATE = "2026-03-02T01:00:00Z";
const A_YEAR_LATER = "2027-03-02T01:00:00Z";
vitest(
  `集成测试：嵌入式 PostgreSQL，时钟 ${FIXED_DATE} (integration)`,
  ["integration"],
  "integration-embedded",
  { DUXUE_TEST_PG: "embedded", TEST_CLOCK: FIXED_DATE },
);
if (process.env.TEST_DATABASE_URL) {
  vitest(
    `集成测试：外部 PostgreSQL (TEST_DATABASE_URL)，时钟 ${A_YEAR_LATER}`,
    ["integration"],
    "integration-external",
    { DUXUE_TEST_PG: "external", TEST_CLOCK: A_YEAR_LATER },
  );
}

if (!fs.existsSync(CHROMIUM)) {
  console.error(
    `\n端到端测试需要系统 Chromium（${CHROMIUM}），但没有找到。请先安装：\n` +
      `  sudo apt-get install -y chromium fonts-noto-cjk poppler-utils\n` +
      `（本项目不下载浏览器；.ci/run 会自动安装。）`,
  );
  anyStepFailed = true;
  total.failed += 1;
} else {
  const e2eReport = path.join(results, "e2e.json");
  fs.rmSync(e2eReport, { force: true });
  // The e2e server's data (embedded PostgreSQL, photos) lives in a temp dir removed afterwards.
  const e2eDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "duxue-e2e-"));
  fs.chmodSync(e2eDataDir, 0o755);
  run("端到端测试 (Playwright + Chromium)", "npx", ["playwright", "test"], {
    CI: process.env.CI ?? "1",
    E2E_DATA_DIR: e2eDataDir,
  });
  fs.rmSync(e2eDataDir, { recursive: true, force: true });
  if (fs.existsSync(e2eReport)) {
    const report = JSON.parse(fs.readFileSync(e2eReport, "utf8")) as {
      stats: { expected: number; unexpected: number; flaky: number };
      suites: PlaywrightSuite[];
    };
    total.passed += report.stats.expected + report.stats.flaky;
    total.failed += report.stats.unexpected;
    addPlaywrightFailures(report.suites);
  }
}

process.stdout.write(`\n${total.passed} passed, ${total.failed} failed\n`);
for (const failure of failures) process.stdout.write(`  ✗ ${failure}\n`);
process.exit(anyStepFailed || total.failed > 0 ? 1 : 0);
