/**
 * The health check behind GET /api/health: is the database reachable, and which one is it.
 */
import "server-only";

import pkg from "@/package.json";

import { getDatabaseInfo } from "./db/client";

export const APP_VERSION = pkg.version;

export type Health =
  | { status: "ok"; db: "embedded" | "external"; version: string }
  | { status: "error"; reason: string; version: string };

export async function checkHealth(): Promise<Health> {
  const info = getDatabaseInfo();
  if (!info) return { status: "error", reason: "数据库尚未启动", version: APP_VERSION };
  try {
    await info.pool.query("SELECT 1");
    return { status: "ok", db: info.kind, version: APP_VERSION };
  } catch (error) {
    return { status: "error", reason: `数据库不可用: ${error instanceof Error ? error.message : String(error)}`, version: APP_VERSION };
  }
}
