/**
 * A fresh, migrated database per test file on the run's PostgreSQL (embedded or external), booted
 * through the app's own bootDatabase so route handlers under test see it via getDb().
 */
import { randomBytes } from "node:crypto";

import pg from "pg";
import { inject } from "vitest";

import { bootDatabase, type Db, shutdownDatabase } from "@/lib/server/db/client";

export type TestDatabase = {
  db: Db;
  url: string;
  kind: "embedded" | "external";
  drop(): Promise<void>;
};

export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = inject("pgAdminUrl");
  const name = `duxue_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  await shutdownDatabase();
  const booted = await bootDatabase({
    databaseUrl: url.toString(),
    dataDir: "/nonexistent",
    embeddedPort: 1,
  });
  return {
    db: booted.db,
    url: url.toString(),
    kind: inject("pgKind"),
    async drop() {
      await shutdownDatabase();
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
