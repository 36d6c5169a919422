import { describe, expect, it } from "vitest";

import { packSchoolSchema } from "@/lib/domain/visit/visit-pack.schema";
import { visitSchema } from "@/lib/domain/visit/visit.schema";
import { outboxRecordSchema } from "@/lib/offline/db-schema";
import { readRecord, type UnreadableRecord } from "@/lib/offline/read-record";

import { aPackSchool, aVisit } from "@/test/helpers/builders/visit";

function readVisit(raw: unknown) {
  const reported: UnreadableRecord[] = [];
  const record = readRecord(visitSchema, "visits", "k", raw, (r) => reported.push(r));
  return { record, reported };
}

describe("readRecord", () => {
  it("trusts a record of a store validated on write once it has every required key", () => {
    const stored = aVisit();

    expect(readVisit(stored).record).toBe(stored);
  });

  it("parses a record missing a key with a default, and fills it", () => {
    const { isActive: _isActive, ...older } = aPackSchool();
    const record = readRecord(packSchoolSchema, "schools", "k", older, () => undefined);

    expect(record).toEqual({ ...older, isActive: true });
  });

  it("reports a record that fails the check and the parse", () => {
    const { kind: _kind, ...broken } = aVisit();
    const { record, reported } = readVisit(broken);

    expect(record).toBeUndefined();
    expect(reported).toMatchObject([{ store: "visits", key: "k" }]);
  });

  it("parses every record of a store that is not validated on write", () => {
    const reported: UnreadableRecord[] = [];
    const record = readRecord(outboxRecordSchema, "outbox", 1, { status: "archived" }, (r) =>
      reported.push(r),
    );

    expect(record).toBeUndefined();
    expect(reported).toHaveLength(1);
  });
});
