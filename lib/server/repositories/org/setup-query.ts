/**
 * The first-start checklist's facts of one district (lib/domain/org/setup.ts), counted in one
 * statement from its data: nothing about the setup itself is stored.
 */
import "server-only";

import { sql } from "drizzle-orm";

import type { SetupFacts } from "@/lib/domain/org/setup";

import type { Executor } from "../../db/client";

export async function setupFactsQuery(db: Executor, districtId: string): Promise<SetupFacts> {
  const { rows } = await db.execute<{
    name: string;
    has_policy: boolean;
    active_schools: number;
    schools_without_zone: number;
    zones: number;
    inspectors: number;
    zones_without_inspector: number;
    schools_without_account: number;
    adopted_templates: number;
  }>(sql`
    SELECT d.name, d.deadline_policy IS NOT NULL AS has_policy,
      (SELECT count(*)::int FROM schools s WHERE s.district_id = d.id AND s.is_active) AS active_schools,
      (SELECT count(*)::int FROM schools s WHERE s.district_id = d.id AND s.is_active AND s.zone_id IS NULL)
        AS schools_without_zone,
      (SELECT count(*)::int FROM zones z WHERE z.district_id = d.id) AS zones,
      (SELECT count(*)::int FROM "user" u WHERE u.district_id = d.id AND u.role = 'inspector') AS inspectors,
      (SELECT count(*)::int FROM zones z WHERE z.district_id = d.id
        AND NOT EXISTS (SELECT 1 FROM zone_inspectors zi WHERE zi.zone_id = z.id)) AS zones_without_inspector,
      (SELECT count(*)::int FROM schools s WHERE s.district_id = d.id AND s.is_active
        AND NOT EXISTS (SELECT 1 FROM "user" u WHERE u.school_id = s.id AND u.role = 'school'))
        AS schools_without_account,
      (SELECT count(*)::int FROM district_templates dt WHERE dt.district_id = d.id)
        + (SELECT count(DISTINCT t.code)::int FROM templates t WHERE t.district_id = d.id AND t.status = 'published')
        AS adopted_templates
    FROM districts d WHERE d.id = ${districtId}`);
  const row = rows[0]!;
  return {
    district: { id: districtId, name: row.name },
    activeSchools: row.active_schools,
    schoolsWithoutZone: row.schools_without_zone,
    zones: row.zones,
    inspectors: row.inspectors,
    zonesWithoutInspector: row.zones_without_inspector,
    schoolsWithoutAccount: row.schools_without_account,
    adoptedTemplates: row.adopted_templates,
    hasDeadlinePolicy: row.has_policy,
  };
}
