/**
 * Vitest globalSetup for the integration project: one PostgreSQL for the whole run. Either the server
 * at TEST_DATABASE_URL (when DUXUE_TEST_PG=external) or an embedded one started here in a temp dir.
 * Each test file then creates its own database on it (test/helpers/test-db.ts).
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import type { TestProject } from "vitest/node";

import { startEmbeddedPostgres } from "@/lib/server/db/embedded";

declare module "vitest" {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgKind: "embedded" | "external";
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env.DUXUE_TEST_PG === "external") {
    const url = process.env.TEST_DATABASE_URL;
    if (!url)
      throw new Error(
        "DUXUE_TEST_PG=external 需要设置 TEST_DATABASE_URL（例如 postgres://postgres@127.0.0.1:5432/postgres）",
      );
    project.provide("pgAdminUrl", url);
    project.provide("pgKind", "external");
    return () => Promise.resolve();
  }
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "duxue-test-pg-"));
  await fs.chmod(dir, 0o755);
  const port = 20_000 + Math.floor(Math.random() * 10_000);
  const pg = await startEmbeddedPostgres({ dir: path.join(dir, "pg"), port });
  project.provide("pgAdminUrl", pg.url.replace(/\/duxue$/, "/postgres"));
  project.provide("pgKind", "embedded");
  return async () => {
    await pg.stop();
    await fs.rm(dir, { recursive: true, force: true });
  };
}
