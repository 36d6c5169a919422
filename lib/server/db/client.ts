/**
 * The process-wide database: boots it once (embedded PostgreSQL, or DATABASE_URL), applies migrations,
 * and hands out the Drizzle client. Cached on globalThis because Next.js loads instrumentation and
 * route modules in separate module graphs.
 */
import "server-only";

import path from "node:path";

import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";

import { log } from "../log";
import { startEmbeddedPostgres } from "./embedded";
import * as schema from "./schema";

export type Db = NodePgDatabase<typeof schema>;
/** A transaction handle; repositories accept either (docs/architecture.md §8). */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type Executor = Db | Tx;

export type DatabaseKind = "embedded" | "external";

type Booted = {
  db: Db;
  pool: pg.Pool;
  /** The office read models' database: a replica at DATABASE_READ_URL, or the primary itself. */
  readDb: Db;
  kind: DatabaseKind;
  stop(): Promise<void>;
};

const globalForDb = globalThis as typeof globalThis & {
  __duxueDb?: Promise<Booted>;
  __duxueDbReady?: Booted;
};

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "lib/server/db/migrations");
/** Serialises migrations when several app instances start at once against one PostgreSQL. */
const MIGRATION_LOCK_KEY = 7_041_001;

// pg returns int8 and numeric as strings by default; our counters fit in a JS number.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

/** How long to wait for PostgreSQL before answering "unavailable" rather than hanging. */
export type DatabaseTimeouts = {
  /** Opening a connection, or waiting for a free one in the pool. */
  connectMs: number;
  /** One statement; the server cancels it, and the client gives up shortly after if the server is stalled. */
  statementMs: number;
};

export const DEFAULT_TIMEOUTS: DatabaseTimeouts = { connectMs: 2_000, statementMs: 15_000 };

export type BootOptions = {
  databaseUrl?: string;
  /** A read replica for the office's lists, figures and exports (they tolerate replication lag). */
  readUrl?: string;
  dataDir: string;
  embeddedPort: number;
  timeouts?: DatabaseTimeouts;
};

/** Starts the database once per process and migrates it. Safe to call repeatedly. */
export function bootDatabase(options: BootOptions): Promise<Booted> {
  globalForDb.__duxueDb ??= boot(options).then(
    (booted) => {
      globalForDb.__duxueDbReady = booted;
      return booted;
    },
    (error: unknown) => {
      globalForDb.__duxueDb = undefined;
      throw error;
    },
  );
  return globalForDb.__duxueDb;
}

/** Connections of the app's pool; lib/server/sync/push-slots.ts keeps some free of pushes. */
export const POOL_SIZE = 10;

async function boot(options: BootOptions): Promise<Booted> {
  const embedded = options.databaseUrl
    ? null
    : await startEmbeddedPostgres({
        dir: path.join(options.dataDir, "pg"),
        port: options.embeddedPort,
      });
  const url = options.databaseUrl ?? embedded!.url;
  await migrateDatabase(url);
  const timeouts = options.timeouts ?? DEFAULT_TIMEOUTS;
  const pool = openPool(url, timeouts);
  const readPool = options.readUrl ? openPool(options.readUrl, timeouts) : null;
  const db = drizzle(pool, { schema });
  return {
    db,
    pool,
    readDb: readPool ? drizzle(readPool, { schema }) : db,
    kind: embedded ? "embedded" : "external",
    async stop() {
      await readPool?.end();
      await pool.end();
      await embedded?.stop();
    },
  };
}

/**
 * How long an idle connection stays open (pg's default is 10 s). A new one costs its connect (7–120 ms
 * on a busy two-core machine), ~4 ms of the server's CPU to start the backend and 5–8 ms more in its
 * first big statement (cold catalog caches): the office dashboard's three parallel statements paid
 * that three times whenever it was opened after ten idle seconds.
 */
const IDLE_MS = 10 * 60_000;

function openPool(url: string, timeouts: DatabaseTimeouts): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: POOL_SIZE,
    connectionTimeoutMillis: timeouts.connectMs,
    idleTimeoutMillis: IDLE_MS,
    // A live server cancels a runaway statement itself; a stalled one (SIGSTOP, a frozen host) never
    // answers, so the client gives up a second later and the pool drops that connection.
    statement_timeout: timeouts.statementMs,
    query_timeout: timeouts.statementMs + 1_000,
    keepAlive: true,
  });
  // An idle client's error (e.g. the server restarting) must not crash the process.
  pool.on("error", (error) => log.warn({ err: error }, "PostgreSQL 连接错误"));
  return pool;
}

/**
 * Applies the migrations on a connection of its own, outside the pool's timeouts: a migration of a
 * big table, or waiting for another instance's migration lock, may rightly take longer.
 */
export async function migrateDatabase(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    await migrate(drizzle(client, { schema }), { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await client
      .query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY])
      .catch(() => undefined);
    await client.end();
  }
}

/** The booted database. Throws if `bootDatabase` has not completed (a programming error). */
export function getDb(): Db {
  const ready = globalForDb.__duxueDbReady;
  if (!ready) throw new Error("数据库尚未启动：请先调用 bootDatabase()");
  return ready.db;
}

/**
 * The database the office read models use (ledger, review queue, notice lists, exports): the replica
 * at DATABASE_READ_URL when one is set, otherwise the primary. Never for reads that must see the
 * request's own writes.
 */
export function getReadDb(): Db {
  const ready = globalForDb.__duxueDbReady;
  if (!ready) throw new Error("数据库尚未启动：请先调用 bootDatabase()");
  return ready.readDb;
}

export function getDatabaseInfo(): { kind: DatabaseKind; pool: pg.Pool } | null {
  const ready = globalForDb.__duxueDbReady;
  return ready ? { kind: ready.kind, pool: ready.pool } : null;
}

/** Stops the pool and, if embedded, PostgreSQL itself. */
export async function shutdownDatabase(): Promise<void> {
  const ready = globalForDb.__duxueDbReady;
  globalForDb.__duxueDb = undefined;
  globalForDb.__duxueDbReady = undefined;
  await ready?.stop();
}
