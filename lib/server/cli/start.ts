/**
 * `npm start`: builds the app when the build is missing or older than the source, starts the app's
 * server (serve.ts: Next.js, which boots the database from instrumentation.ts), waits until
 * /api/health answers, and prints the address and the demo sign-ins.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

import { serverEnv } from "../env";
import { ensureAuthSecret } from "../secret";
import { DEMO_PASSWORD, DEMO_SIGN_INS } from "../seed/demo-data";

const SOURCE_DIRS = ["app", "components", "lib", "public"];
/** Written by the build or by postinstall: newer than BUILD_ID by design, so never a reason to rebuild. */
const GENERATED = [/^public\/sw\.js/, /^public\/swe-worker/, /^public\/vendor\//];
const SOURCE_FILES = [
  "next.config.js",
  "package.json",
  "instrumentation.ts",
  "instrumentation-client.ts",
  "package-lock.json",
];

const env = serverEnv();
ensureAuthSecret(env.dataDir);

if (isBuildStale()) {
  console.warn("正在构建应用（首次启动或代码有更新，约需 1–3 分钟）…");
  const build = spawnSync("npm", ["run", "build"], { stdio: "inherit", env: process.env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// Not `next start`: serve.ts puts the socket address where route handlers can read it (client-ip.ts).
const serve = path.join(process.cwd(), "lib/server/cli/serve.ts");
const server = spawn(
  process.execPath,
  ["--import", "tsx", serve, String(env.PORT), env.TRUSTED_PROXY ?? ""],
  { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } },
);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => server.kill(signal));
}
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

void announceWhenHealthy();

async function announceWhenHealthy(): Promise<void> {
  const url = `http://localhost:${env.PORT}`;
  for (let attempt = 0; attempt < 600; attempt++) {
    const ok = await fetch(`${url}/api/health`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) {
      printBanner(url);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  console.error(`服务在 5 分钟内没有就绪：请查看上方日志。`);
}

function printBanner(url: string): void {
  const lines = [
    "",
    `督学巡检已启动: ${url}`,
    "",
    ...(env.ADMIN_USERNAME
      ? [`管理员账号: ${env.ADMIN_USERNAME}`]
      : [
          `示范账号（密码均为 ${DEMO_PASSWORD}）:`,
          ...DEMO_SIGN_INS.map((s) => `  ${s.username.padEnd(12)} ${s.role}`),
        ]),
    "",
    "按 Ctrl+C 停止。",
    "",
  ];
  process.stdout.write(lines.join("\n") + "\n");
}

/** True when there is no build, or any source file is newer than it. */
function isBuildStale(): boolean {
  const buildId = path.join(process.cwd(), ".next/BUILD_ID");
  if (!fs.existsSync(buildId)) return true;
  const builtAt = fs.statSync(buildId).mtimeMs;
  const newer = (p: string): boolean => {
    if (!fs.existsSync(p)) return false;
    if (GENERATED.some((pattern) => pattern.test(path.relative(process.cwd(), p)))) return false;
    const stat = fs.statSync(p);
    if (stat.isDirectory()) return fs.readdirSync(p).some((name) => newer(path.join(p, name)));
    return stat.mtimeMs > builtAt;
  };
  return [...SOURCE_DIRS, ...SOURCE_FILES].some((p) => newer(path.join(process.cwd(), p)));
}
