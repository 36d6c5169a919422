import os from "node:os";
import path from "node:path";

import { defineConfig } from "@playwright/test";

import { CHROMIUM_ARGS } from "./test/helpers/chromium";
import { embeddedPgPortFor } from "./test/helpers/ports";

/** The e2e server: the real `npm start` (build if stale, embedded PostgreSQL) on its own port and data dir. */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3210);
export const E2E_BASE_URL = `http://localhost:${E2E_PORT}`;
/**
 * The server's DATA_DIR (its embedded PostgreSQL lives in DATA_DIR/pg). Set in the environment here,
 * so that test workers — which load this file again, in processes with other pids — inherit the same
 * path and can open the database to check what reached it.
 */
export const E2E_DATA_DIR = (process.env.E2E_DATA_DIR ??= path.join(
  os.tmpdir(),
  `duxue-e2e-${process.pid}`,
));
export const E2E_PG_PORT = embeddedPgPortFor(E2E_PORT);

export default defineConfig({
  testDir: "test/e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI
    ? [["list"], ["json", { outputFile: "test-results/e2e.json" }]]
    : [["list"]],
  use: {
    baseURL: E2E_BASE_URL,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: CHROMIUM_ARGS,
    },
  },
  webServer: {
    command: "npm start",
    url: `${E2E_BASE_URL}/api/health`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    env: {
      PORT: String(E2E_PORT),
      DATA_DIR: E2E_DATA_DIR,
      EMBEDDED_PG_PORT: String(E2E_PG_PORT),
      APP_URL: E2E_BASE_URL,
    },
  },
});
