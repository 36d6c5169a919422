/**
 * The health check behind GET /api/health: is the database reachable, how fast does it answer, and
 * how busy is the connection pool. Answers within HEALTH_DEADLINE_MS even when PostgreSQL is stalled.
 */
import "server-only";

import pkg from "@/package.json";

import { getDatabaseInfo } from "./db/client";
import { DATABASE_UNAVAILABLE_MESSAGE } from "./db/faults";

export const APP_VERSION = pkg.version;

/** A load balancer's probe typically waits 2 s; answer well before that. */
const HEALTH_DEADLINE_MS = 1_000;

/** Connections in the pool: open, of which idle, and requests waiting for one. */
export type PoolState = { total: number; idle: number; waiting: number };

export type Health =
  | {
      status: "ok";
      db: "embedded" | "external";
      dbLatencyMs: number;
      pool: PoolState;
      version: string;
    }
  | { status: "error"; reason: string; pool?: PoolState; version: string };

export async function checkHealth(): Promise<Health> {
  const info = getDatabaseInfo();
  if (!info) return { status: "error", reason: "数据库尚未启动", version: APP_VERSION };
  const { pool } = info;
  const poolState = (): PoolState => ({
    total: pool.totalCount,
    idle: pool.idleCount,
    waiting: pool.waitingCount,
  });
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    // The query keeps running after the deadline; the pool's own timeouts end it.
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`数据库在 ${HEALTH_DEADLINE_MS} ms 内没有响应`)),
        HEALTH_DEADLINE_MS,
      );
    });
    await Promise.race([pool.query("SELECT 1"), deadline]);
    const dbLatencyMs = Math.round((performance.now() - started) * 10) / 10;
    return { status: "ok", db: info.kind, dbLatencyMs, pool: poolState(), version: APP_VERSION };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      status: "error",
      reason: `${DATABASE_UNAVAILABLE_MESSAGE}（${detail}）`,
      pool: poolState(),
      version: APP_VERSION,
    };
  } finally {
    clearTimeout(timer);
  }
}
