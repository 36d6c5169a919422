/**
 * Publishes the built-in checklist library (lib/checklists) as version 1 of each template, once.
 */
import "server-only";

import type { Executor } from "../db/client";

export async function seedBuiltInTemplates(_db: Executor): Promise<void> {
  // TODO(#3): publish lib/checklists/*.json through the template repository.
}
