import type { Metadata } from "next";

import { scopedSchoolIds } from "@/lib/server/auth/scope";
import { requirePageUser } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { getDashboard } from "@/lib/server/rectification/queries";
import { schoolRepository } from "@/lib/server/repositories/school-repository";
import { systemClock } from "@/lib/utils/clock";

import { SchoolTable } from "@/components/rectification/school-table";
import { PageHeader } from "@/components/shell/page-header";

export const metadata: Metadata = { title: "学校" };

export default async function SchoolsPage() {
  const user = await requirePageUser(["office", "city", "admin"]);
  const db = getDb();
  const [schools, zones, dashboard] = await Promise.all([
    scopedSchoolIds(db, user).then((ids) => schoolRepository.listByIds(db, ids)),
    user.districtId ? schoolRepository.listZones(db, user.districtId) : [],
    getDashboard(db, user, systemClock.now()),
  ]);
  const zoneNames = new Map(zones.map((z) => [z.id, z.name]));
  const summaries = new Map(dashboard.bySchool.map((s) => [s.schoolId, s.summary]));
  return (
    <>
      <PageHeader title="学校" description={`共 ${schools.length} 所`} />
      <SchoolTable
        rows={schools.map((school) => ({
          school,
          zoneName: zoneNames.get(school.zoneId) ?? "—",
          summary: summaries.get(school.id) ?? null,
        }))}
      />
    </>
  );
}
