/**
 * The stores' write side, loaded on their first write: the schemas bring zod and every domain
 * schema, which a screen that only reads never needs (read-record.ts). Loaded before a write's
 * transaction opens, since awaiting anything else inside it would let it commit.
 */
import type * as recordSchemas from "./record-schemas";

export type RecordSchemas = typeof recordSchemas;

let loading: Promise<RecordSchemas> | null = null;

export function loadRecordSchemas(): Promise<RecordSchemas> {
  loading ??= import("./record-schemas").catch((error: unknown) => {
    loading = null; // a failed chunk load (offline before the precache) is tried again next time
    throw error;
  });
  return loading;
}
