import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { requirePageUser } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { pageDistrict } from "@/lib/server/org/schools";
import { schoolRepository } from "@/lib/server/repositories/org/school-repository";

import { SchoolForm } from "@/components/schools/school-form";
import { PageHeader } from "@/components/shell/page-header";

export const metadata: Metadata = { title: "新增学校" };

export default async function NewSchoolPage({
  searchParams,
}: {
  searchParams: Promise<{ district?: string }>;
}) {
  const user = await requirePageUser(["office", "admin"]);
  const db = getDb();
  const { districtId, canWrite } = await pageDistrict(db, user, (await searchParams).district);
  if (!districtId || !canWrite) notFound();
  return (
    <>
      <PageHeader title="新增学校" description="学段、办学性质、食堂等决定检查时适用哪些检查项。" />
      <SchoolForm
        school={null}
        zones={await schoolRepository.listZones(db, districtId)}
        districtId={user.role === "admin" ? districtId : null}
      />
    </>
  );
}
