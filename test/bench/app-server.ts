/**
 * Starts the real app (`npm start`: build if stale, embedded PostgreSQL, demo seed) on its own port
 * and data dir for the bench — or, with ADMIN_USERNAME/ADMIN_PASSWORD in `env`, a real deployment's
 * empty start for the e2e — and stops it cleanly afterwards.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { embeddedPgPortFor } from "../helpers/ports";

export type AppServer = { baseUrl: string; dataDir: string; stop(): Promise<void> };

export async function startAppServer(
  port: number,
  env: Record<string, string> = {},
): Promise<AppServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "duxue-bench-"));
  fs.chmodSync(dataDir, 0o755);
  const baseUrl = `http://localhost:${port}`;
  const child = spawn("npm", ["start"], {
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(embeddedPgPortFor(port)),
      APP_URL: baseUrl,
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let log = "";
  child.stdout.on("data", (c: Buffer) => (log += c.toString()));
  child.stderr.on("data", (c: Buffer) => (log += c.toString()));
  // A first build on a busy 2-core machine alone can take over ten minutes.
  const deadline = Date.now() + 30 * 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app exited while starting:\n${log}`);
    if (Date.now() > deadline) {
      process.kill(-child.pid!, "SIGTERM");
      throw new Error(`the app did not become healthy in 30 minutes:\n${log}`);
    }
    const healthy = await fetch(`${baseUrl}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    baseUrl,
    dataDir,
    async stop() {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      process.kill(-child.pid!, "SIGTERM");
      await exited;
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Signs in over HTTP as the app's clients do; returns the Cookie header. */
export async function signInCookie(
  baseUrl: string,
  username: string,
  password = "demo1234",
): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/sign-in/username`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl },
    body: JSON.stringify({ username, password }),
  });
  if (!response.ok) throw new Error(`sign-in as ${username}: ${response.status}`);
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}
