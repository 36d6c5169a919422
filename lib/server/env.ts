/**
 * The server's configuration, read once from process.env and validated.
 * Nothing else in lib/server reads process.env directly.
 */
import "server-only";

import path from "node:path";

import { z } from "zod";

const envSchema = z.object({
  /** An external PostgreSQL; without it the app runs an embedded one under DATA_DIR/pg. */
  DATABASE_URL: z
    .string()
    .startsWith("postgres", "DATABASE_URL 须以 postgres:// 或 postgresql:// 开头")
    .optional(),
  /** A read replica for the office's lists, figures and exports; unset = they read the primary. */
  DATABASE_READ_URL: z
    .string()
    .startsWith("postgres", "DATABASE_READ_URL 须以 postgres:// 或 postgresql:// 开头")
    .optional(),
  DATA_DIR: z.string().min(1).default("./data"),
  /** Port of the embedded PostgreSQL; below 32768 (ports above it were seen taken by ephemeral connections). */
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(32767).default(25432),
  /** How long to wait for a PostgreSQL connection before answering 503 (数据库暂时不可用). */
  DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).optional(),
  /** The longest one SQL statement may run; also how long a request waits on a stalled PostgreSQL. */
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(500).max(600_000).optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Public base URL, used in QR codes on notices and by better-auth. */
  APP_URL: z.string().url("APP_URL 须是完整网址，如 https://duxue.example.cn").optional(),
  BETTER_AUTH_SECRET: z.string().min(32).optional(),
  /**
   * The address of the reverse proxy in front of the app (e.g. 10.0.0.5): only a connection from it
   * may name the client in X-Forwarded-For. Unset, the socket address is the client.
   */
  TRUSTED_PROXY: z.ipv4().or(z.ipv6()).optional(),
  /** A real deployment's first account; when set, no demo data is seeded. */
  ADMIN_USERNAME: z.string().min(3).optional(),
  ADMIN_PASSWORD: z.string().min(8).optional(),
  /** Lowest level of the JSON log lines written to stdout. */
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** An S3-compatible object store for photos and PDFs (MinIO, Ceph, cloud OSS); without it, DATA_DIR/blobs. */
  S3_ENDPOINT: z
    .string()
    .url("S3_ENDPOINT 须是完整网址，如 https://oss-cn-hangzhou.aliyuncs.com")
    .optional(),
  S3_BUCKET: z.string().min(3).optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_REGION: z.string().min(1).default("us-east-1"),
  /** Bucket in the path (MinIO, Ceph, most self-hosted stores) rather than in the host name. */
  S3_FORCE_PATH_STYLE: z.enum(["true", "false"]).default("false"),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
});

/**
 * LOG_LEVEL alone, read afresh: the logger is created at import time, before serverEnv() may be
 * cached (tests set DATA_DIR after imports), and it must work even when other variables are invalid.
 */
export function logLevel(): z.infer<typeof envSchema>["LOG_LEVEL"] {
  const parsed = envSchema.shape.LOG_LEVEL.safeParse(process.env.LOG_LEVEL || undefined);
  return parsed.success ? parsed.data : "info";
}

const S3_REQUIRED = ["S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"] as const;

export type ServerEnv = z.infer<typeof envSchema> & {
  dataDir: string;
  baseUrl: string;
  /** The origins a browser request to this app carries: APP_URL's, and localhost on PORT for the demo. */
  appOrigins: string[];
};

let cached: ServerEnv | undefined;

export function serverEnv(): ServerEnv {
  if (cached) return cached;
  // An empty variable means "not set" (as shells and CI often pass them).
  const present = Object.fromEntries(
    Object.entries(process.env).filter(([, v]) => v !== undefined && v !== ""),
  );
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`环境变量配置有误:\n${lines.join("\n")}`);
  }
  const env = parsed.data;
  const missing = env.S3_ENDPOINT ? S3_REQUIRED.filter((name) => !env[name]) : [];
  if (missing.length > 0)
    throw new Error(`环境变量配置有误:\n  设置了 S3_ENDPOINT 时还须设置 ${missing.join("、")}`);
  cached = {
    ...env,
    dataDir: path.resolve(env.DATA_DIR),
    baseUrl: env.APP_URL ?? `http://localhost:${env.PORT}`,
    appOrigins: [
      new URL(env.APP_URL ?? `http://localhost:${env.PORT}`).origin,
      `http://localhost:${env.PORT}`,
      `http://127.0.0.1:${env.PORT}`,
    ],
  };
  return cached;
}
