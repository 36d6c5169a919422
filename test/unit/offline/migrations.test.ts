import { describe, expect, it } from "vitest";

import { applyMigrations, migrateRecord, type RecordMigration } from "@/lib/offline/migrations";

import { aVisit } from "@/test/helpers/builders/visit";

describe("applyMigrations", () => {
  it("applies the steps oldest first", () => {
    const renameTitle: RecordMigration = (raw) => {
      const { title, ...rest } = raw as { title?: string };
      return title === undefined ? raw : { ...rest, summary: title };
    };
    const addStatus: RecordMigration = (raw) => ({ status: "draft", ...(raw as object) });

    expect(applyMigrations({ title: "旧小结" }, [renameTitle, addStatus])).toEqual({
      status: "draft",
      summary: "旧小结",
    });
  });

  it("returns the record unchanged without steps", () => {
    const record = { id: 1 };

    expect(applyMigrations(record, [])).toBe(record);
  });
});

describe("migrateRecord", () => {
  it("leaves a current visit record as it is", () => {
    const visit = aVisit();

    expect(migrateRecord("visits", visit)).toEqual(visit);
  });
});
