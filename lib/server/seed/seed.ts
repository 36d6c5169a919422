/**
 * Seeding: the demo district on an empty database, a real deployment's first admin, and the full reset
 * behind `npm run seed -- --reset`. Passwords are hashed by better-auth's own hasher.
 */
import "server-only";

import type { Clock } from "@/lib/domain/clock";
import { DEFAULT_DEADLINE_POLICY } from "@/lib/domain/template/deadline-policy";
import { systemClock } from "@/lib/utils/clock";
import { newId } from "@/lib/utils/ids";

import {
  DEMO_DISTRICT,
  DEMO_ROUTINE_TEMPLATES,
  DEMO_INSPECTORS,
  DEMO_OFFICE,
  DEMO_PASSWORD,
  DEMO_SCHOOLS,
  DEMO_ZONES,
  schoolUsername,
} from "./demo-data";
import { seedDemoHistory } from "./demo-history";
import { adoptNationalLibrary, seedBuiltInTemplates } from "./templates";
import { hashPassword } from "../auth/accounts";
import { getBlobStore } from "../blobs/blob-store";
import { lockChangeSeq } from "../db/change-seq";
import type { Db, Executor } from "../db/client";
import { districtRepository } from "../repositories/org/district-repository";
import { schoolRepository } from "../repositories/org/school-repository";
import { userRepository } from "../repositories/org/user-repository";
import { zoneRepository } from "../repositories/org/zone-repository";

/** Seeds 示范区 with zones, schools, accounts and the built-in checklist library, all adopted, and its history. */
export async function seedDemo(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    // Seeded rows carry change numbers too: take the same lock as every other writer (change-seq.ts).
    await lockChangeSeq(tx);
    await seedDemoDistrict(tx);
    await seedDemoHistory(tx, { now: systemClock.now(), blobs: getBlobStore() });
  });
}

/**
 * The demo district as it stands on its first day, before any visit: zones, schools, accounts (all
 * with the demo password), the deadline policy and the built-in checklists, all adopted. Integration
 * tests start from this (test/helpers/builders/county.ts) and build their own visits and items.
 * The caller holds the change-counter lock.
 */
export async function seedDemoDistrict(
  tx: Executor,
  clock: Clock = systemClock,
): Promise<{ districtId: string }> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const districtId = newId();
  // The demo is a district that finished its setup, deadline policy included.
  await districtRepository.insert(tx, {
    id: districtId,
    ...DEMO_DISTRICT,
    deadlinePolicy: DEFAULT_DEADLINE_POLICY,
    routineTemplates: DEMO_ROUTINE_TEMPLATES,
  });
  const zoneIds = DEMO_ZONES.map(() => newId());
  await zoneRepository.insertMany(
    tx,
    DEMO_ZONES.map((name, i) => ({ id: zoneIds[i]!, districtId, name })),
  );

  const schoolIds = new Map<string, string>();
  for (const { zone, ...school } of DEMO_SCHOOLS) {
    const id = newId();
    schoolIds.set(school.code, id);
    await schoolRepository.insert(tx, districtId, id, {
      ...school,
      zoneId: zoneIds[zone]!,
      contact: "",
      phone: "",
    });
  }

  await userRepository.createAccount(tx, {
    ...DEMO_OFFICE,
    role: "office",
    passwordHash,
    districtId,
  });
  for (const inspector of DEMO_INSPECTORS) {
    const userId = await userRepository.createAccount(tx, {
      username: inspector.username,
      name: inspector.name,
      role: "inspector",
      passwordHash,
      districtId,
    });
    await zoneRepository.addInspector(
      tx,
      userId,
      inspector.zones.map((z) => zoneIds[z]!),
    );
  }
  for (const school of DEMO_SCHOOLS) {
    await userRepository.createAccount(tx, {
      username: schoolUsername(school.code),
      name: school.name,
      role: "school",
      passwordHash,
      schoolId: schoolIds.get(school.code)!,
      districtId,
    });
  }
  await seedBuiltInTemplates(tx, clock);
  await adoptNationalLibrary(tx, districtId, clock);
  return { districtId };
}

/** A real deployment starts empty but for one admin, named by ADMIN_USERNAME / ADMIN_PASSWORD. */
export async function ensureAdmin(db: Db, username: string, password: string): Promise<void> {
  if (await userRepository.usernameTaken(db, username)) return;
  await db.transaction(async (tx) => {
    await lockChangeSeq(tx);
    await userRepository.createAccount(tx, {
      username,
      name: "系统管理员",
      role: "admin",
      passwordHash: await hashPassword(password),
    });
    await seedBuiltInTemplates(tx);
  });
}
