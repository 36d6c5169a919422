/**
 * The database the backup and restore commands work on: DATABASE_URL when set, else the embedded
 * PostgreSQL under DATA_DIR/pg — the running app's own when it is up, or started here for the
 * duration of the command when it is not.
 */
import "server-only";

import path from "node:path";

import pg from "pg";

import { embeddedDatabaseUrl, readEmbeddedPassword, startEmbeddedPostgres } from "../db/embedded";
import { serverEnv } from "../env";

export async function withDatabase<T>(run: (url: string) => Promise<T>): Promise<T> {
  const env = serverEnv();
  if (env.DATABASE_URL) return run(env.DATABASE_URL);
  const dir = path.join(env.dataDir, "pg");
  const password = await readEmbeddedPassword(dir);
  if (password) {
    const url = embeddedDatabaseUrl(password, env.EMBEDDED_PG_PORT);
    if (await answers(url)) return run(url);
  }
  const embedded = await startEmbeddedPostgres({ dir, port: env.EMBEDDED_PG_PORT });
  try {
    return await run(embedded.url);
  } finally {
    await embedded.stop();
  }
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}
