/**
 * 市 rows. Who may list or change them is the org service's business (only the admin writes).
 */
import "server-only";

import { asc, eq } from "drizzle-orm";
import type { z } from "zod";

import type { City } from "@/lib/domain/org/org.schema";
import type { updateCityInputSchema } from "@/lib/domain/org/people";

import type { Executor } from "../../db/client";
import { cities } from "../../db/schema";

export type CityRow = typeof cities.$inferSelect;

export const cityRepository = {
  /** Every city, by code. */
  async list(db: Executor): Promise<CityRow[]> {
    return db.select().from(cities).orderBy(asc(cities.code));
  },

  async findById(db: Executor, id: string): Promise<CityRow | null> {
    const [row] = await db.select().from(cities).where(eq(cities.id, id));
    return row ?? null;
  },

  /** Whether a city already has this code. */
  async codeTaken(db: Executor, code: string): Promise<boolean> {
    const [clash] = await db.select({ id: cities.id }).from(cities).where(eq(cities.code, code));
    return clash !== undefined;
  },

  /** Whether the city is active; null when there is no such city. */
  async activeOf(db: Executor, id: string): Promise<boolean | null> {
    const [row] = await db.select({ active: cities.active }).from(cities).where(eq(cities.id, id));
    return row?.active ?? null;
  },

  async insert(db: Executor, city: City): Promise<void> {
    await db.insert(cities).values(city);
  },

  async update(db: Executor, id: string, patch: z.infer<typeof updateCityInputSchema>) {
    await db.update(cities).set(patch).where(eq(cities.id, id));
  },
};
