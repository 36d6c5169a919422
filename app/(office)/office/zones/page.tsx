import type { Metadata } from "next";

import { districtAccess, readableDistrictIds } from "@/lib/domain/org/org-scope";
import { orgScopeOf } from "@/lib/server/auth/scope";
import { scopedSchoolIds } from "@/lib/server/auth/scope";
import { requirePageUser } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { ORG_ROLES } from "@/lib/server/org/http";
import { listDistricts, listZones } from "@/lib/server/org/org-service";
import { listPeople } from "@/lib/server/org/people-service";
import { schoolRepository } from "@/lib/server/repositories/org/school-repository";

import { ZonesScreen } from "@/components/org/zones-screen";
import { PageHeader } from "@/components/shell/page-header";

export const metadata: Metadata = { title: "督学责任区" };

export default async function ZonesPage() {
  const user = await requirePageUser(ORG_ROLES);
  const db = getDb();
  const scope = await orgScopeOf(db, user);
  const [zones, districts, inspectors, schools] = await Promise.all([
    listZones(db, scope),
    listDistricts(db, scope),
    listPeople(db, scope, { role: "inspector" }),
    scopedSchoolIds(db, user).then((ids) => schoolRepository.listByIds(db, ids)),
  ]);
  const writable = districts.filter((d) => districtAccess(scope, d.id) === "write");
  const readable = readableDistrictIds(scope);
  return (
    <>
      <PageHeader
        title="督学责任区"
        description="每个责任区的责任督学，以及每所学校所属的责任区。调整后，督学下次下载检查包时随之变化。"
      />
      <ZonesScreen
        zones={zones}
        districts={writable}
        inspectors={inspectors}
        schools={schools
          .filter((s) => readable === null || readable.includes(s.districtId))
          .map(({ id, code, name, zoneId, districtId }) => ({
            id,
            code,
            name,
            zoneId,
            districtId,
          }))}
        canWrite={writable.length > 0}
      />
    </>
  );
}
