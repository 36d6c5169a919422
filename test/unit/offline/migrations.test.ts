import { readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { applyMigrations, migrateRecord, type RecordMigration } from "@/lib/offline/migrations";
import { outboxRecordSchema } from "@/lib/offline/record-schemas";

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

describe("the outbox before issue #13", () => {
  /** A rejected and a pending record as stored when a rejection had only a reason. */
  const stored = JSON.parse(
    readFileSync(
      path.join(import.meta.dirname, "../../fixtures/outbox-before-issue-13.json"),
      "utf8",
    ),
  ) as unknown[];

  it("reads a rejection's reason as a refusal, and a pending record with none", () => {
    const [rejected, pending] = stored.map((raw) =>
      outboxRecordSchema.parse(migrateRecord("outbox", raw)),
    );

    expect(rejected?.refusal).toEqual({ code: "conflict", message: "检查已提交，不能再修改" });
    expect(pending?.refusal).toBeNull();
  });
});
