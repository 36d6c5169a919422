/**
 * Server start-up, once per process: secret, database (embedded or external), migrations, first-run
 * seed, and a clean database shutdown on SIGINT/SIGTERM. Called from instrumentation.ts and the CLI.
 */
import "server-only";

import { bootDatabase, type Db, DEFAULT_TIMEOUTS, shutdownDatabase } from "./db/client";
import { isDatabaseEmpty } from "./db/maintenance";
import { serverEnv } from "./env";
import { log } from "./log";
import { ensureAuthSecret } from "./secret";
import { ensureAdmin, seedDemo } from "./seed/seed";

export type BootResult = { db: Db; kind: "embedded" | "external"; seeded: "demo" | "admin" | null };

export async function bootServer(): Promise<BootResult> {
  const env = serverEnv();
  ensureAuthSecret(env.dataDir);
  const { db, kind } = await bootDatabase({
    databaseUrl: env.DATABASE_URL,
    readUrl: env.DATABASE_READ_URL,
    dataDir: env.dataDir,
    embeddedPort: env.EMBEDDED_PG_PORT,
    timeouts: {
      connectMs: env.DB_CONNECT_TIMEOUT_MS ?? DEFAULT_TIMEOUTS.connectMs,
      statementMs: env.DB_STATEMENT_TIMEOUT_MS ?? DEFAULT_TIMEOUTS.statementMs,
    },
  });
  let seeded: BootResult["seeded"] = null;
  if (env.ADMIN_USERNAME && env.ADMIN_PASSWORD) {
    await ensureAdmin(db, env.ADMIN_USERNAME, env.ADMIN_PASSWORD);
    seeded = "admin";
  } else if (await isDatabaseEmpty(db)) {
    await seedDemo(db);
    seeded = "demo";
  }
  return { db, kind, seeded };
}

/** Stops the database cleanly, then exits. Registered once per process. */
export function installShutdownHandlers(): void {
  const g = globalThis as typeof globalThis & { __duxueShutdownInstalled?: boolean };
  if (g.__duxueShutdownInstalled) return;
  g.__duxueShutdownInstalled = true;
  const stop = (signal: NodeJS.Signals) => {
    shutdownDatabase()
      .catch((error: unknown) => log.error({ err: error }, "关闭数据库时出错"))
      .finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}
