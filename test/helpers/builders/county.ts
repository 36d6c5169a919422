/**
 * The starting point of the server integration tests: a county on its first day — 示范区's zones,
 * thirty schools, an office, four inspectors and one account per school (password DEMO_PASSWORD),
 * the built-in checklists adopted — with no visits, items or notices. Each test builds the history
 * it needs itself, at the test clock's time; nothing depends on the demo's story or on today's date.
 */
import { lockChangeSeq } from "@/lib/server/db/change-seq";
import type { Db } from "@/lib/server/db/client";
import { seedDemoDistrict } from "@/lib/server/seed/seed";
import { systemClock } from "@/lib/utils/clock";

export async function buildCounty(db: Db): Promise<{ districtId: string }> {
  return db.transaction(async (tx) => {
    await lockChangeSeq(tx);
    return seedDemoDistrict(tx, systemClock);
  });
}
