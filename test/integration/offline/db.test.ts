import "fake-indexeddb/auto";

import { readFileSync } from "node:fs";
import path from "node:path";

import { openDB } from "idb";
import { describe, expect, it, vi } from "vitest";

import { DEFAULT_DEADLINE_POLICY } from "@/lib/domain/template/deadline-policy";
import {
  DB_NAME,
  DB_VERSION,
  INITIAL_LAYOUT_VERSION,
  openAppDb,
  upgradeAppDb,
} from "@/lib/offline/db";
import type { AppDbSchema } from "@/lib/offline/db-schema";
import type { UnreadableRecord } from "@/lib/offline/read-record";
import { createAppStores } from "@/lib/offline/stores";

import { aPackSchool, aVisit, aVisitAnswer, SCHOOL_ID } from "@/test/helpers/builders/visit";
import { freshIndexedDb } from "@/test/helpers/offline-db";

describe("openAppDb", () => {
  it("creates every store and index on a phone that never ran the app", async () => {
    freshIndexedDb();
    const db = await openAppDb();

    expect(db.name).toBe(DB_NAME);
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual([
      "answers",
      "meta",
      "outbox",
      "photos",
      "rectificationItems",
      "schools",
      "templates",
      "visits",
    ]);
    const outbox = db.transaction("outbox").store;
    expect([...outbox.indexNames].sort()).toEqual(["byMutationId", "byStatus", "byVisitStatus"]);
    expect(outbox.autoIncrement).toBe(true);
    db.close();
  });

  it("reopens an existing database without touching its data", async () => {
    freshIndexedDb();
    const first = await openAppDb();
    await first.put("meta", { key: "pullCursor", value: "7" });
    first.close();

    const second = await openAppDb();

    expect(await second.get("meta", "pullCursor")).toEqual({ key: "pullCursor", value: "7" });
    second.close();
  });

  it("closes its connection and tells the page when a newer version wants to upgrade", async () => {
    freshIndexedDb();
    const onVersionChange = vi.fn();
    const db = await openAppDb({ onVersionChange });

    const newer = await openDB(DB_NAME, DB_VERSION + 1);

    expect(onVersionChange).toHaveBeenCalledOnce();
    expect(newer.version).toBe(DB_VERSION + 1);
    expect(() => db.transaction("visits")).toThrow();
    newer.close();
  });

  it("rewrites a phone's records from before issue #10 once: older shapes migrated, defaults filled, damage kept", async () => {
    freshIndexedDb();
    const older = await openDB<AppDbSchema>(DB_NAME, INITIAL_LAYOUT_VERSION, {
      upgrade: (database, oldVersion) => upgradeAppDb(database, oldVersion),
    });
    const { isActive: _isActive, contact: _contact, ...school } = aPackSchool();
    const { reviewDays: _reviewDays, returnDays: _returnDays, ...policy } = DEFAULT_DEADLINE_POLICY;
    const [rejection] = JSON.parse(
      readFileSync(
        path.join(import.meta.dirname, "../../fixtures/outbox-before-issue-13.json"),
        "utf8",
      ),
    ) as unknown[];
    const answer = aVisitAnswer();
    const { kind: _kind, ...damaged } = aVisit();
    await older.put("schools", school as never);
    await older.put("meta", { key: "deadlinePolicy", value: policy } as never);
    const rejectionKey = await older.add("outbox", rejection as never);
    await older.put("answers", answer);
    await older.put("visits", damaged as never);
    older.close();

    const reported: UnreadableRecord[] = [];
    const db = await openAppDb({ report: (record) => reported.push(record) });
    const stores = createAppStores(db, (record) => reported.push(record));

    expect(db.version).toBe(DB_VERSION);
    expect(await db.get("schools", SCHOOL_ID)).toEqual({ ...school, isActive: true, contact: "" });
    expect(await stores.meta.getDeadlinePolicy()).toEqual(DEFAULT_DEADLINE_POLICY);
    expect(await stores.outbox.listRejected()).toMatchObject([
      { seq: rejectionKey, refusal: { code: "conflict", message: "检查已提交，不能再修改" } },
    ]);
    expect(await stores.answers.listForVisit(answer.visitId)).toEqual([answer]);
    // Reported by the upgrade and left as it was, never deleted.
    expect(await db.get("visits", damaged.id)).toEqual(damaged);
    expect(reported).toMatchObject([{ store: "visits", key: damaged.id }]);
    db.close();
  });
});
