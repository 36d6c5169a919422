import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { auditQuerySchema } from "@/lib/domain/org/people";
import { withinChinaDays } from "@/lib/server/db/china-days";
import { auditLog } from "@/lib/server/db/schema";
import { listAudit } from "@/lib/server/repositories/org/audit-log-repository";
import { newId } from "@/lib/utils/ids";

import { createTestDatabase, type TestDatabase } from "../../helpers/test-db";

/*
 * "From date … to date" over timestamps: China calendar days, `to` inclusive, the one condition
 * every such filter uses (the audit log, the visit list, the ledger, coverage and ranking).
 */

let t: TestDatabase;
const at = (iso: string) => Date.parse(iso);
/** Entries just inside and just outside 2026-03-01 … 2026-03-31 in China (UTC+8). */
const INSTANTS = {
  beforeStart: at("2026-02-28T23:59:59.999+08:00"),
  atStart: at("2026-03-01T00:00:00+08:00"),
  lastMoment: at("2026-03-31T23:59:59.999+08:00"),
  atEnd: at("2026-04-01T00:00:00+08:00"),
};

beforeAll(async () => {
  t = await createTestDatabase();
  await t.db.insert(auditLog).values(
    Object.entries(INSTANTS).map(([label, ms]) => ({
      id: newId(),
      at: new Date(ms),
      actorId: "test",
      action: "zone.update",
      targetId: label,
      targetLabel: label,
      districtId: null,
      before: null,
      after: null,
    })),
  );
});

afterAll(async () => {
  await t.drop();
});

async function labelsWithin(from?: string, to?: string): Promise<string[]> {
  const rows = await t.db
    .select({ label: auditLog.targetLabel })
    .from(auditLog)
    .where(withinChinaDays(auditLog.at, from, to))
    .orderBy(auditLog.at);
  return rows.map((r) => r.label);
}

describe("withinChinaDays", () => {
  it("takes a timestamp from the first China midnight up to the midnight after `to`", async () => {
    expect(await labelsWithin("2026-03-01", "2026-03-31")).toEqual(["atStart", "lastMoment"]);
  });

  it("leaves a side open, and filters nothing with neither", async () => {
    expect(await labelsWithin("2026-03-01", undefined)).toEqual(["atStart", "lastMoment", "atEnd"]);
    expect(await labelsWithin(undefined, "2026-02-28")).toEqual(["beforeStart"]);
    expect(await labelsWithin(undefined, undefined)).toHaveLength(4);
  });

  it("is what the audit log's from/to filter applies", async () => {
    const query = auditQuerySchema.parse({ from: "2026-03-31", to: "2026-04-01" });
    const { entries, total } = await listAudit(t.db, query, null);
    expect(total).toBe(2);
    expect(entries.map((e) => e.targetLabel)).toEqual(["atEnd", "lastMoment"]);
  });
});
