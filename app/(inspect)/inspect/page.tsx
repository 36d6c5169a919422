import type { Metadata } from "next";

import { getDb } from "@/lib/server/db/client";
import { requirePageUser } from "@/lib/server/auth/session";
import { scopedSchoolIds } from "@/lib/server/auth/scope";
import { schoolRepository } from "@/lib/server/repositories/school-repository";

import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/shell/page-header";
import { SchoolList } from "@/components/schools/school-list";

export const metadata: Metadata = { title: "我的学校" };

export default async function InspectHome() {
  const user = await requirePageUser(["inspector"]);
  const db = getDb();
  const schools = await schoolRepository.listByIds(db, await scopedSchoolIds(db, user));
  return (
    <>
      <PageHeader title="我的学校" description={`责任区内共 ${schools.length} 所学校`} />
      {schools.length === 0 ? (
        <EmptyState title="还没有分配给您的学校">督导室把责任区分配给您之后，学校会出现在这里。</EmptyState>
      ) : (
        <SchoolList schools={schools} />
      )}
    </>
  );
}
