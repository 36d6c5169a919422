/**
 * `npm run seed:scale` at a small size: the province-like database the scale benches read must
 * still build after every change to the rectification rules (a new rule once broke it unnoticed),
 * and what it builds must be consistent: every item's event chain verifies and ends at its version.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, test } from "vitest";

import { createFileBlobStore } from "@/lib/server/blobs/blob-store";
import { getDatabaseInfo } from "@/lib/server/db/client";
import { verifyItemChain } from "@/lib/server/rectification/event-log";
import { seedScale, type ScaleTotals } from "@/lib/server/seed/scale";

import { createTestDatabase, type TestDatabase } from "../../helpers/test-db";

const NOW = Date.parse("2026-03-02T04:00:00Z");
let testDb: TestDatabase;
let blobRoot: string;
let totals: ScaleTotals;

beforeAll(async () => {
  testDb = await createTestDatabase();
  blobRoot = fs.mkdtempSync(path.join(os.tmpdir(), "duxue-scale-test-"));
  totals = await seedScale(testDb.db, getDatabaseInfo()!.pool, {
    schools: 40,
    months: 4,
    now: NOW,
    blobs: createFileBlobStore(blobRoot),
  });
}, 300_000);

afterAll(async () => {
  await testDb.drop();
  fs.rmSync(blobRoot, { recursive: true, force: true });
});

async function count(table: string): Promise<number> {
  const { rows } = await testDb.db.execute<{ n: number }>(
    sql.raw(`SELECT count(*)::int AS n FROM ${table}`),
  );
  return rows[0]!.n;
}

test("the seeded counts are what it reports, with items in every state", async () => {
  expect(totals.schools).toBe(40);
  expect(await count("schools")).toBe(40);
  expect(await count("visits")).toBe(totals.visits);
  expect(await count("notices")).toBe(totals.notices);
  expect(await count("rectification_items")).toBe(totals.items);
  expect(await count("rectification_events")).toBe(totals.events);
  expect(totals.visits).toBeGreaterThan(40);
  const states = Object.keys(totals.itemsByStatus);
  for (const status of ["pending", "submitted", "returned", "closed"]) {
    expect(states).toContain(status);
  }
});

test("every item's history verifies and ends at the item's version", async () => {
  const { rows } = await testDb.db.execute<{ id: string; version: number; last_seq: number }>(
    sql`SELECT i.id, i.version, max(e.seq)::int AS last_seq
          FROM rectification_items i JOIN rectification_events e ON e.item_id = i.id
         GROUP BY i.id, i.version`,
  );
  expect(rows).toHaveLength(totals.items);
  for (const row of rows) {
    expect(row.last_seq, row.id).toBe(row.version);
    expect(await verifyItemChain(testDb.db, row.id), row.id).toEqual({ ok: true });
  }
});
