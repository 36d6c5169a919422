/**
 * `npm run seed:scale` at a small size: the province-like database the scale benches read must
 * still build after every change to the rectification rules (a new rule once broke it unnoticed),
 * and what it builds must be consistent: every item's event chain verifies and ends at its version,
 * and the office's facts and tallies (filled once after it COPYs the items in) match the items and
 * are kept by the triggers again afterwards.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, test } from "vitest";

import { toChinaDate } from "@/lib/domain/dates";
import { daysOverdue } from "@/lib/domain/rectification/transition";
import { getDashboard } from "@/lib/server/analytics/dashboard";
import { createFileBlobStore } from "@/lib/server/blobs/blob-store";
import { getDatabaseInfo } from "@/lib/server/db/client";
import { rectificationItems, schools } from "@/lib/server/db/schema";
import { verifyItemChain } from "@/lib/server/rectification/event-log";
import { rowToItem } from "@/lib/server/repositories/rectification/item-repository";
import { SCALE_USERS, seedScale, type ScaleTotals } from "@/lib/server/seed/scale";

import { itemFacts, tallies } from "../../helpers/office-figures";
import { domainUser } from "../../helpers/rectification-fixtures";
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

test("the office's facts and tallies match the items it wrote", async () => {
  const facts = await itemFacts(testDb.db);
  expect(facts.stored).toEqual(facts.expected);
  const counts = await tallies(testDb.db);
  expect(counts.stored).toEqual(counts.counted);
});

test("after it, the office's figures follow every item change again", async () => {
  await testDb.db.execute(sql`
    update rectification_items set status = 'cancelled'
    where id = (select id from rectification_items where status = 'pending' limit 1)`);
  const facts = await itemFacts(testDb.db);
  expect(facts.stored).toEqual(facts.expected);
  const counts = await tallies(testDb.db);
  expect(counts.stored).toEqual(counts.counted);
});

test("the city's 20 schools with most overdue items are those the items say", async () => {
  const today = toChinaDate(NOW);
  const items = (await testDb.db.select().from(rectificationItems)).map(rowToItem);
  const bySchool = new Map<
    string,
    { total: number; closed: number; cancelled: number; overdue: number }
  >();
  for (const item of items) {
    const s = bySchool.get(item.schoolId) ?? { total: 0, closed: 0, cancelled: 0, overdue: 0 };
    s.total += 1;
    if (item.status === "closed") s.closed += 1;
    if (item.status === "cancelled") s.cancelled += 1;
    if (daysOverdue(item, today) > 0) s.overdue += 1;
    bySchool.set(item.schoolId, s);
  }
  const closure = (s: { total: number; closed: number; cancelled: number }) =>
    s.total - s.cancelled === 0 ? Infinity : s.closed / (s.total - s.cancelled);
  const expected = [...bySchool]
    .sort(([a, x], [b, y]) => y.overdue - x.overdue || closure(x) - closure(y) || (a < b ? -1 : 1))
    .slice(0, 20);
  // Enough schools are overdue that only those at the 20th's count or more are read.
  expect(expected[19]![1].overdue).toBeGreaterThan(0);
  const city = await domainUser(testDb.db, SCALE_USERS.city);
  const dashboard = await getDashboard(testDb.db, city, {}, NOW);
  expect(
    dashboard.bySchool.map((s) => [s.key, s.figures.total, s.figures.closed, s.figures.overdue]),
  ).toEqual(expected.map(([id, s]) => [id, s.total, s.closed, s.overdue]));
  expect(dashboard.summary.total).toBe(items.length);
});

test("the city's overdue items by zone and by inspector are those the items say", async () => {
  const today = toChinaDate(NOW);
  const rows = await testDb.db.select().from(rectificationItems);
  const items = rows.map((row) => ({ ...rowToItem(row), inspectorId: row.inspectorId }));
  const zoneOf = new Map(
    (await testDb.db.select({ id: schools.id, zoneId: schools.zoneId }).from(schools)).map((s) => [
      s.id,
      s.zoneId ?? "",
    ]),
  );
  const tally = (key: (item: (typeof items)[number]) => string) => {
    const counts = new Map<string, number>();
    for (const item of items) {
      if (daysOverdue(item, today) > 0) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
    }
    return counts;
  };
  const city = await domainUser(testDb.db, SCALE_USERS.city);
  const dashboard = await getDashboard(testDb.db, city, {}, NOW);
  const overdueOf = (breakdown: typeof dashboard.byZone) =>
    new Map(breakdown.filter((b) => b.figures.overdue > 0).map((b) => [b.key, b.figures.overdue]));
  expect(overdueOf(dashboard.byZone)).toEqual(tally((item) => zoneOf.get(item.schoolId)!));
  expect(overdueOf(dashboard.byInspector)).toEqual(tally((item) => item.inspectorId));
});
