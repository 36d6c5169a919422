import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { requirePageUser } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { findManagedSchool } from "@/lib/server/org/schools";
import { schoolRepository } from "@/lib/server/repositories/school-repository";

import { SchoolActiveToggle, SchoolForm } from "@/components/schools/school-form";
import { PageHeader } from "@/components/shell/page-header";

export const metadata: Metadata = { title: "学校资料" };

export default async function SchoolPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser(["office", "admin"]);
  const db = getDb();
  const school = await findManagedSchool(db, user, (await params).id, "write");
  if (!school) notFound();
  return (
    <>
      <PageHeader
        title={school.name}
        description={
          school.isActive ? `学校代码 ${school.code}` : `学校代码 ${school.code} · 已停用`
        }
        actions={<SchoolActiveToggle school={school} />}
      />
      <SchoolForm
        school={school}
        zones={await schoolRepository.listZones(db, school.districtId)}
        districtId={null}
      />
    </>
  );
}
