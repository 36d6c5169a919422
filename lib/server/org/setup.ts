/**
 * The facts behind the first-start checklist (lib/domain/org/setup.ts), counted from the data of the
 * district being set up: nothing about the setup itself is stored.
 */
import "server-only";

import type { User } from "@/lib/domain/org/org.schema";
import type { SetupFacts } from "@/lib/domain/org/setup";

import { pageDistrict } from "./schools";
import type { Executor } from "../db/client";
import { setupFactsQuery } from "../repositories/org/setup-query";

export async function setupFactsOf(
  db: Executor,
  user: User,
  picked: string | undefined,
): Promise<SetupFacts> {
  const { districtId } = await pageDistrict(db, user, picked);
  if (!districtId) {
    return {
      district: null,
      activeSchools: 0,
      schoolsWithoutZone: 0,
      zones: 0,
      inspectors: 0,
      zonesWithoutInspector: 0,
      schoolsWithoutAccount: 0,
      adoptedTemplates: 0,
      hasDeadlinePolicy: false,
    };
  }
  return setupFactsQuery(db, districtId);
}
