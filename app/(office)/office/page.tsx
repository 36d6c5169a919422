import type { Metadata } from "next";

import { getDb } from "@/lib/server/db/client";
import { requirePageUser } from "@/lib/server/auth/session";
import { scopedSchoolIds } from "@/lib/server/auth/scope";
import { schoolRepository } from "@/lib/server/repositories/school-repository";

import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/shell/page-header";

export const metadata: Metadata = { title: "总览" };

export default async function OfficeHome() {
  const user = await requirePageUser(["office", "admin"]);
  const db = getDb();
  const schoolIds = await scopedSchoolIds(db, user);
  const zones = user.districtId ? await schoolRepository.listZones(db, user.districtId) : [];
  return (
    <>
      <PageHeader title="总览" description="督学责任区、学校与整改进展" />
      <div className="grid gap-3 sm:grid-cols-3">
        <Card>
          <p className="text-sm text-slate-500">学校</p>
          <p className="mt-1 text-2xl font-semibold">{schoolIds.length}</p>
        </Card>
        <Card>
          <p className="text-sm text-slate-500">督学责任区</p>
          <p className="mt-1 text-2xl font-semibold">{zones.length}</p>
        </Card>
      </div>
    </>
  );
}
