import type { Metadata } from "next";

import { canCreateRole, districtAccess } from "@/lib/domain/org/org-scope";
import { ROLE_LABELS, ROLES } from "@/lib/domain/org/org.labels";
import { peopleQuerySchema } from "@/lib/domain/org/people";
import { orgScopeOf } from "@/lib/server/auth/scope";
import { requirePageUser } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { ORG_ROLES } from "@/lib/server/org/http";
import { listCities, listDistricts, listZones } from "@/lib/server/org/org-service";
import { listPeople, schoolsWithoutAccount } from "@/lib/server/org/people-service";
import { readPageQuery, type SearchParams } from "@/lib/utils/search-params";

import { PeopleScreen } from "@/components/org/people-screen";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import { InvalidQuery } from "@/components/ui/invalid-query";
import { Select } from "@/components/ui/select";

export const metadata: Metadata = { title: "人员与账号" };

export default async function PeoplePage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePageUser(ORG_ROLES);
  const db = getDb();
  const scope = await orgScopeOf(db, user);
  const { values, query, invalid } = await readPageQuery(searchParams, peopleQuerySchema);
  const [people, zones, districts, lacking, cities] = await Promise.all([
    query ? listPeople(db, scope, query) : [],
    listZones(db, scope),
    listDistricts(db, scope),
    schoolsWithoutAccount(db, scope),
    listCities(db, user, scope),
  ]);
  const writable = districts.filter((d) => districtAccess(scope, d.id) === "write");
  return (
    <>
      <PageHeader
        title="人员与账号"
        description="督导室人员、督学和学校账号。重置密码后，本人下次登录须先修改密码。"
      />
      <form method="get" className="mb-4 flex flex-wrap items-end gap-2">
        <Input
          name="q"
          defaultValue={values.q}
          placeholder="姓名或账号"
          aria-label="搜索"
          className="w-48"
        />
        <Select name="role" defaultValue={values.role ?? ""} aria-label="角色" className="w-36">
          <option value="">全部角色</option>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </Select>
        <Select
          name="zoneId"
          defaultValue={values.zoneId ?? ""}
          aria-label="督学责任区"
          className="w-40"
        >
          <option value="">全部责任区</option>
          {zones.map((z) => (
            <option key={z.id} value={z.id}>
              {z.name}
            </option>
          ))}
        </Select>
        <Select name="status" defaultValue={values.status ?? ""} aria-label="状态" className="w-32">
          <option value="">全部状态</option>
          <option value="active">启用</option>
          <option value="disabled">已停用</option>
        </Select>
        <Button type="submit" variant="secondary">
          筛选
        </Button>
      </form>
      <InvalidQuery message={invalid} path="/office/people" />
      <PeopleScreen
        people={people}
        zones={zones}
        districts={writable}
        cities={cities}
        schoolsWithoutAccount={lacking}
        canWrite={writable.length > 0 || scope.kind === "all"}
        creatableRoles={ROLES.filter((r) => canCreateRole(scope, r))}
      />
    </>
  );
}
