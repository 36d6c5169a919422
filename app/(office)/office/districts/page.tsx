import type { Metadata } from "next";

import { orgScopeOf } from "@/lib/server/auth/scope";
import { requirePageUser } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { listCities, listDistricts } from "@/lib/server/org/org-service";

import { DistrictsScreen } from "@/components/org/districts-screen";
import { PageHeader } from "@/components/shell/page-header";

export const metadata: Metadata = { title: "市和区县" };

export default async function DistrictsPage() {
  const user = await requirePageUser(["admin"]);
  const db = getDb();
  const scope = await orgScopeOf(db, user);
  const [cities, districts] = await Promise.all([
    listCities(db, user, scope),
    listDistricts(db, scope),
  ]);
  return (
    <>
      <PageHeader
        title="市和区县"
        description="每个区县是独立的督导室：自己的学校、人员、检查和模板。市为可选层级，市级督导室账号可查看其下各区县。"
      />
      <DistrictsScreen cities={cities} districts={districts} />
    </>
  );
}
