import { readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { readRecord, readRecords, type UnreadableRecord } from "@/lib/offline/read-record";

import { aVisit } from "@/test/helpers/builders/visit";

function read<S extends "visits" | "outbox">(store: S, raw: unknown) {
  const reported: UnreadableRecord[] = [];
  const record = readRecord(store, "k", raw, (r) => reported.push(r));
  return { record, reported };
}

describe("readRecord", () => {
  it("uses a record that passes the check as it is stored", () => {
    const stored = aVisit();
    const { record, reported } = read("visits", stored);

    expect(record).toBe(stored);
    expect(reported).toEqual([]);
  });

  it("reads nothing, and reports nothing, for a key with no record", () => {
    expect(read("visits", undefined)).toEqual({ record: undefined, reported: [] });
  });

  it("reports a record that fails the check, with what is wrong, and reads nothing", () => {
    const { kind: _kind, ...broken } = aVisit();
    const { record, reported } = read("visits", broken);

    expect(record).toBeUndefined();
    expect(reported).toEqual([{ store: "visits", key: "k", message: "visits.kind: missing" }]);
  });

  it("migrates an older shape before the check (the outbox before issue #13)", () => {
    const [rejected] = JSON.parse(
      readFileSync(
        path.join(import.meta.dirname, "../../fixtures/outbox-before-issue-13.json"),
        "utf8",
      ),
    ) as unknown[];
    const { record, reported } = read("outbox", rejected);

    expect(reported).toEqual([]);
    expect(record?.refusal).toEqual({ code: "conflict", message: "检查已提交，不能再修改" });
  });
});

describe("readRecords", () => {
  it("skips and reports the records that fail, under their own keys, and keeps the rest", () => {
    const good = aVisit();
    const reported: UnreadableRecord[] = [];
    const records = readRecords("visits", ["a", "b", "c"], [good, { id: "b" }, good], (r) =>
      reported.push(r),
    );

    expect(records).toEqual([good, good]);
    expect(reported).toMatchObject([{ store: "visits", key: "b" }]);
  });
});
