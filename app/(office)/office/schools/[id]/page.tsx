import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { districtAccess } from "@/lib/domain/org/org-scope";
import { orgScopeOf } from "@/lib/server/auth/scope";
import { requirePageUser } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { findManagedSchool } from "@/lib/server/org/schools";
import { schoolRepository } from "@/lib/server/repositories/org/school-repository";

import { SchoolActiveToggle, SchoolForm } from "@/components/schools/school-form";
import { SchoolFacts } from "@/components/schools/school-list";
import { PageHeader } from "@/components/shell/page-header";

export const metadata: Metadata = { title: "学校资料" };

/** The school's record: editable for whoever manages its district, read-only for a 市级督导室. */
export default async function SchoolPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser(["office", "city", "admin"]);
  const db = getDb();
  const found = await findManagedSchool(db, user, (await params).id, "read");
  if ("refusal" in found) notFound();
  const { school } = found;
  const [zones, scope] = await Promise.all([
    schoolRepository.listZones(db, school.districtId),
    orgScopeOf(db, user),
  ]);
  const canWrite = districtAccess(scope, school.districtId) === "write";
  return (
    <>
      <PageHeader
        title={school.name}
        description={
          school.isActive ? `学校代码 ${school.code}` : `学校代码 ${school.code} · 已停用`
        }
        actions={canWrite ? <SchoolActiveToggle school={school} /> : null}
      />
      {canWrite ? (
        <SchoolForm school={school} zones={zones} districtId={null} />
      ) : (
        <SchoolFacts school={school} zoneName={zones.find((z) => z.id === school.zoneId)?.name} />
      )}
    </>
  );
}
