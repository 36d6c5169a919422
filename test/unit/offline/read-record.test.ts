import { describe, expect, it } from "vitest";
import { z } from "zod";

import { readRecord, type UnreadableRecord } from "@/lib/offline/read-record";

const schema = z.object({
  id: z.string(),
  status: z.enum(["draft", "submitted"]).default("draft"),
  note: z.string().optional(),
});

function read(store: "visits" | "outbox", raw: unknown) {
  const reported: UnreadableRecord[] = [];
  const record = readRecord(schema, store, "k", raw, (r) => reported.push(r));
  return { record, reported };
}

describe("readRecord", () => {
  it("trusts a record of a store validated on write once it has every required key", () => {
    const stored = { id: "v1", status: "draft" };

    expect(read("visits", stored).record).toBe(stored);
  });

  it("parses a record missing a key with a default, and fills it", () => {
    expect(read("visits", { id: "v1" }).record).toEqual({ id: "v1", status: "draft" });
  });

  it("reports a record that fails the check and the parse", () => {
    const { record, reported } = read("visits", { status: "draft" });

    expect(record).toBeUndefined();
    expect(reported).toMatchObject([{ store: "visits", key: "k" }]);
  });

  it("parses every record of a store that is not validated on write", () => {
    const { record, reported } = read("outbox", { id: "v1", status: "archived" });

    expect(record).toBeUndefined();
    expect(reported).toHaveLength(1);
  });
});
