/**
 * A second district for organisation tests: the seeded 示范区 (district A) and a new district B,
 * both in one city, each with a zone, a school and an office account; plus an admin and a
 * 市级督导室 account for that city. Rows are written as the app stores them.
 */
import { eq } from "drizzle-orm";

import type { User } from "@/lib/domain/org/org.schema";
import type { Db } from "@/lib/server/db/client";
import { cities, districts, schools, zoneInspectors, zones } from "@/lib/server/db/schema";
import { newId } from "@/lib/utils/ids";

import { createUserWithRole } from "./auth";
import { domainUser, schoolOf } from "./rectification-fixtures";

export type TwoDistricts = {
  cityId: string;
  districtA: string;
  districtB: string;
  zoneA: string;
  zoneB: string;
  schoolA: string;
  schoolB: string;
};

/** Adds city 示范市 over the demo district and district B with one zone and school, and accounts. */
export async function addSecondDistrictAndCity(db: Db): Promise<TwoDistricts> {
  const schoolA = await schoolOf(db, "S01");
  const cityId = newId();
  const districtB = newId();
  const zoneB = newId();
  const schoolB = newId();
  await db.insert(cities).values({ id: cityId, code: "C01", name: "示范市" });
  await db.update(districts).set({ cityId }).where(eq(districts.id, schoolA.districtId));
  await db
    .insert(districts)
    .values({ id: districtB, cityId, code: "D02", name: "邻区", noticePrefix: "邻区督改" });
  await db.insert(zones).values({ id: zoneB, districtId: districtB, name: "邻区一片" });
  await db.insert(schools).values({
    id: schoolB,
    districtId: districtB,
    zoneId: zoneB,
    code: "B01",
    name: "邻区第一小学",
    stage: "primary",
    ownership: "public",
    isVillage: false,
    isBoarding: false,
    canteen: "self",
    hasSchoolBus: false,
    studentCount: 600,
    classCount: 12,
  });
  const [zoneA] = await db
    .select({ zoneId: schools.zoneId })
    .from(schools)
    .where(eq(schools.id, schoolA.id));
  await createUserWithRole({ username: "admin", role: "admin", name: "管理员" });
  await createUserWithRole({
    username: "office_b",
    role: "office",
    name: "邻区督导室",
    districtId: districtB,
  });
  await createUserWithRole({ username: "city", role: "city", name: "示范市督导室", cityId });
  return {
    cityId,
    districtA: schoolA.districtId,
    districtB,
    zoneA: zoneA!.zoneId!,
    zoneB,
    schoolA: schoolA.id,
    schoolB,
  };
}

/** inspector_b (邻区督学): the 责任督学 of district B's zone, who must never reach district A. */
export async function addInspectorB(db: Db, two: TwoDistricts): Promise<User> {
  await createUserWithRole({
    username: "inspector_b",
    role: "inspector",
    name: "邻区督学",
    districtId: two.districtB,
  });
  const user = await domainUser(db, "inspector_b");
  await db.insert(zoneInspectors).values({ zoneId: two.zoneB, userId: user.id });
  return user;
}
