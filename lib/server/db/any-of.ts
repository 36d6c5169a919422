/**
 * `column = ANY($1)` with the whole list as ONE array parameter: drizzle's inArray binds one
 * parameter per value, which PostgreSQL refuses past 65,535 and re-plans for every list length.
 */
import "server-only";

import { type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";

export function anyOf(column: AnyPgColumn, values: readonly string[], type: "uuid" | "text"): SQL {
  return type === "uuid"
    ? sql`${column} = ANY(${sql.param([...values])}::uuid[])`
    : sql`${column} = ANY(${sql.param([...values])}::text[])`;
}
