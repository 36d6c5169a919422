/**
 * Publishes the built-in checklist library (lib/checklists) as version 1 of each national template,
 * once: a code that already has a version (published, edited or retired by admin) is left alone.
 */
import "server-only";

import { BUILT_IN_TEMPLATES } from "@/lib/checklists";
import type { Clock } from "@/lib/domain/clock";
import { systemClock } from "@/lib/utils/clock";

import type { Executor } from "../db/client";
import { templateRepository } from "../repositories/template-repository";

/** Returns the codes it published, so a caller can report what was new. */
export async function seedBuiltInTemplates(
  db: Executor,
  clock: Clock = systemClock,
): Promise<string[]> {
  const published: string[] = [];
  for (const template of BUILT_IN_TEMPLATES) {
    if (await templateRepository.publishFirstVersion(db, template, clock.now()))
      published.push(template.code);
  }
  return published;
}

/** The district adopts the newest version of every national template (the demo uses them all). */
export async function adoptNationalLibrary(
  db: Executor,
  districtId: string,
  clock: Clock = systemClock,
): Promise<void> {
  for (const template of await templateRepository.listPublished(db)) {
    const adopted = await templateRepository.adopt(
      db,
      districtId,
      template.code,
      template.version,
      {
        now: clock.now(),
        userId: null,
      },
    );
    if (!adopted.ok) throw new Error(adopted.message);
  }
}
