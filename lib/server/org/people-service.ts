/**
 * Accounts: office staff, inspectors, school and city accounts. Creating, editing, disabling and
 * resetting are the office's (its district) or the admin's; nobody changes their own account here —
 * only their password, through changeOwnPassword. Every change runs in one transaction with its
 * audit entry. Generated passwords are returned once and never stored or logged in clear.
 */
import "server-only";

import {
  canCreateRole,
  districtAccess,
  type OrgScope,
  READ_ONLY_MESSAGE,
  readableDistrictIds,
} from "@/lib/domain/org/org-scope";
import type { User } from "@/lib/domain/org/org.schema";
import {
  auditDiff,
  type BulkSchoolAccountsInput,
  type BulkSchoolAccountsResult,
  type ChangePasswordInput,
  type CreateUserInput,
  oneTimePassword,
  type OneTimeCredential,
  type PeopleQuery,
  type Person,
  schoolAccountUsername,
  uniqueUsername,
  type UpdateUserInput,
} from "@/lib/domain/org/people";
import { done, type Outcome, refused, type Refused } from "@/lib/domain/refusal";

import { writeRefusal, zonesRefusal } from "./org-service";
import { hashPassword, verifyPassword } from "../auth/accounts";
import {
  clearPasswordFailures,
  passwordWaitSeconds,
  recordPasswordFailure,
  waitText,
} from "../auth/lockout";
import type { Db, Executor } from "../db/client";
import { recordAudit } from "../repositories/org/audit-log-repository";
import { cityRepository } from "../repositories/org/city-repository";
import { districtRepository } from "../repositories/org/district-repository";
import { schoolRepository } from "../repositories/org/school-repository";
import { type UserRow, userRepository } from "../repositories/org/user-repository";
import { zoneRepository } from "../repositories/org/zone-repository";

const randomBytes = (n: number) => crypto.getRandomValues(new Uint8Array(n));
const NOT_SELF = "不能修改自己的账号；如需更改请联系督导室或系统管理员";

/** How the caller stands to an account: admins and city accounts are the admin's alone. */
function accountAccess(scope: OrgScope, target: UserRow) {
  if (target.role === "admin" || target.role === "city")
    return scope.kind === "all" ? "write" : "none";
  return districtAccess(scope, target.districtId);
}

function toPerson(row: UserRow, zoneIds: string[], schoolName: string | null): Person {
  return {
    id: row.id,
    username: row.username ?? row.email,
    name: row.name,
    role: row.role as Person["role"],
    schoolId: row.schoolId,
    districtId: row.districtId,
    cityId: row.cityId,
    phone: row.phone,
    active: row.banned !== true,
    mustChangePassword: row.mustChangePassword,
    zoneIds,
    schoolName,
  };
}

async function peopleOf(db: Executor, rows: UserRow[]): Promise<Person[]> {
  const ids = rows.map((r) => r.id);
  const schoolIds = rows.flatMap((r) => (r.schoolId ? [r.schoolId] : []));
  const [links, schoolNames] = await Promise.all([
    zoneRepository.linksOfUsers(db, ids),
    schoolRepository.namesByIds(db, schoolIds),
  ]);
  return rows.map((row) =>
    toPerson(
      row,
      links.filter((l) => l.userId === row.id).map((l) => l.zoneId),
      row.schoolId ? (schoolNames.get(row.schoolId) ?? null) : null,
    ),
  );
}

/** The people the caller may see, filtered as asked, by role then username. */
export async function listPeople(
  db: Executor,
  scope: OrgScope,
  query: PeopleQuery,
): Promise<Person[]> {
  const districtIds = readableDistrictIds(scope);
  if (districtIds !== null && districtIds.length === 0) return [];
  return peopleOf(db, await userRepository.list(db, districtIds, query));
}

/** The account if the caller may change it (never their own), else the failure to answer. */
async function writableAccount(
  tx: Executor,
  actor: User,
  scope: OrgScope,
  userId: string,
): Promise<Outcome<UserRow>> {
  const row = await userRepository.findById(tx, userId);
  if (!row || accountAccess(scope, row) === "none") return refused("not_found", "账号不存在");
  if (row.id === actor.id) return refused("forbidden", NOT_SELF);
  const refusal =
    row.role === "admin" || row.role === "city" ? null : writeRefusal(scope, row.districtId);
  return refusal ?? done(row);
}

/** A new account with a one-time password (shown once; the user sets their own at first sign-in). */
export async function createUser(
  db: Db,
  actor: User,
  scope: OrgScope,
  input: CreateUserInput,
  now: number,
): Promise<Outcome<{ person: Person; credential: OneTimeCredential }>> {
  if (!canCreateRole(scope, input.role))
    return refused(
      "forbidden",
      scope.kind === "districts" && !scope.writable ? READ_ONLY_MESSAGE : "无权开设这类账号",
    );
  const password = oneTimePassword(randomBytes);
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    let districtId = input.districtId;
    if (input.role === "school") {
      const school = await schoolRepository.findById(tx, input.schoolId!);
      if (!school || districtAccess(scope, school.districtId) === "none")
        return refused("invalid_input", "学校不存在");
      districtId = school.districtId;
      if (await userRepository.schoolHasAccount(tx, school.id))
        return refused("conflict", `${school.name}已有账号，可为其重置密码`);
    }
    const binding = input.role === "admin" || input.role === "city" ? null : districtId;
    if (binding !== null) {
      const refusal =
        writeRefusal(scope, binding) ?? (await zonesRefusal(tx, binding, input.zoneIds));
      if (refusal) return refusal;
      if (!(await districtRepository.activeOf(tx, binding)))
        return refused("invalid_input", "所属区县不存在或已停用");
    }
    if (input.role === "city") {
      if ((await cityRepository.activeOf(tx, input.cityId!)) === null)
        return refused("invalid_input", "所属市不存在");
    }
    if (await userRepository.usernameTaken(tx, input.username))
      return refused("conflict", `用户名“${input.username}”已被使用`);
    const id = await userRepository.createAccount(tx, {
      username: input.username,
      name: input.name,
      phone: input.phone,
      role: input.role,
      passwordHash,
      schoolId: input.role === "school" ? input.schoolId : null,
      districtId: binding,
      cityId: input.role === "city" ? input.cityId : null,
      mustChangePassword: true,
    });
    await zoneRepository.addInspector(tx, id, input.zoneIds);
    const after = {
      username: input.username,
      name: input.name,
      role: input.role,
      schoolId: input.schoolId,
      districtId: binding,
      cityId: input.cityId,
      zoneIds: input.zoneIds,
    };
    await recordAudit(tx, actor, now, {
      action: "user.create",
      targetId: id,
      targetLabel: input.name,
      districtId: binding,
      before: null,
      after,
    });
    const row = await userRepository.findById(tx, id);
    const [person] = await peopleOf(tx, [row!]);
    return done({
      person: person!,
      credential: { userId: id, username: input.username, password },
    });
  });
}

/** Name, phone and (for inspectors) zones of someone else's account. */
export async function updateUser(
  db: Db,
  actor: User,
  scope: OrgScope,
  userId: string,
  patch: UpdateUserInput,
  now: number,
): Promise<Outcome<Person>> {
  return db.transaction(async (tx) => {
    const found = await writableAccount(tx, actor, scope, userId);
    if (!found.ok) return found;
    const row = found.value;
    if (patch.zoneIds !== undefined) {
      if (row.role !== "inspector") return refused("invalid_input", "只有督学可以分配督学责任区");
      const refusal = await zonesRefusal(tx, row.districtId!, patch.zoneIds);
      if (refusal) return refusal;
    }
    const [before] = await peopleOf(tx, [row]);
    if (patch.name !== undefined || patch.phone !== undefined)
      await userRepository.setProfile(tx, userId, patch, now);
    if (patch.zoneIds !== undefined) await zoneRepository.setZonesOf(tx, userId, patch.zoneIds);
    const diff = auditDiff(
      { name: before!.name, phone: before!.phone, zoneIds: before!.zoneIds },
      patch,
    );
    if (diff)
      await recordAudit(tx, actor, now, {
        action: "user.update",
        targetId: userId,
        targetLabel: patch.name ?? row.name,
        districtId: row.districtId,
        ...diff,
      });
    const fresh = await userRepository.findById(tx, userId);
    const [person] = await peopleOf(tx, [fresh!]);
    return done(person!);
  });
}

/**
 * Disables (or enables again) someone else's account. Disabling deletes every session at once, so
 * the next request with any of them is 401, and better-auth's admin plugin refuses a banned sign-in.
 */
export async function setActive(
  db: Db,
  actor: User,
  scope: OrgScope,
  userId: string,
  active: boolean,
  now: number,
): Promise<Outcome<void>> {
  return db.transaction(async (tx) => {
    const found = await writableAccount(tx, actor, scope, userId);
    if (!found.ok) return found;
    const row = found.value;
    if ((row.banned !== true) === active) return done(undefined);
    await userRepository.setBanned(tx, userId, !active, now);
    if (!active) await userRepository.endSessions(tx, userId);
    await recordAudit(tx, actor, now, {
      action: active ? "user.enable" : "user.disable",
      targetId: userId,
      targetLabel: row.name,
      districtId: row.districtId,
      before: { active: !active },
      after: { active },
    });
    return done(undefined);
  });
}

/** A new one-time password for someone else: their sessions end and they must set their own. */
export async function resetPassword(
  db: Db,
  actor: User,
  scope: OrgScope,
  userId: string,
  now: number,
): Promise<Outcome<OneTimeCredential>> {
  const password = oneTimePassword(randomBytes);
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const found = await writableAccount(tx, actor, scope, userId);
    if (!found.ok) return found;
    const row = found.value;
    await userRepository.setPasswordHash(tx, userId, passwordHash, new Date(now));
    await userRepository.setMustChangePassword(tx, userId, true, now);
    await userRepository.endSessions(tx, userId);
    // The password itself never goes into the log.
    await recordAudit(tx, actor, now, {
      action: "user.reset_password",
      targetId: userId,
      targetLabel: row.name,
      districtId: row.districtId,
      before: null,
      after: { mustChangePassword: true },
    });
    return done({ userId, username: row.username ?? row.email, password });
  });
}

/**
 * 修改密码: the one way anyone changes their own password; the current one must be right. Wrong
 * current passwords count towards the same per-account-and-client throttle as sign-in, so a stolen
 * session cannot be used to guess the password.
 */
export async function changeOwnPassword(
  db: Db,
  user: User,
  input: ChangePasswordInput,
  now: number,
  client: string,
): Promise<Refused | null> {
  const key = { username: user.username.toLowerCase(), client };
  const wait = await passwordWaitSeconds(db, key, new Date(now));
  if (wait > 0) return refused("rate_limited", `密码错误次数过多，请 ${waitText(wait)}后再试`);
  if (!(await verifyPassword(db, user.id, input.currentPassword))) {
    await recordPasswordFailure(db, key, new Date(now));
    return refused("invalid_input", "当前密码不正确");
  }
  await clearPasswordFailures(db, key);
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await userRepository.setPasswordHash(tx, user.id, passwordHash, new Date(now));
    await userRepository.setMustChangePassword(tx, user.id, false, now);
  });
  return null;
}

/**
 * One account per school for the listed schools (or every school of the district) that has none,
 * each with a one-time password, for the credential sheet. Usernames come from the school code.
 */
export async function createSchoolAccounts(
  db: Db,
  actor: User,
  scope: OrgScope,
  input: BulkSchoolAccountsInput,
  now: number,
): Promise<Outcome<BulkSchoolAccountsResult>> {
  if (input.districtId !== undefined) {
    const refusal = writeRefusal(scope, input.districtId);
    if (refusal) return refusal;
  }
  const targets = input.schoolIds
    ? await schoolRepository.listByIds(db, input.schoolIds)
    : await schoolRepository.listByDistrict(db, input.districtId!);
  if (input.schoolIds && targets.length !== new Set(input.schoolIds).size)
    return refused("invalid_input", "部分学校不存在");
  for (const districtId of new Set(targets.map((s) => s.districtId))) {
    const refusal = writeRefusal(scope, districtId);
    if (refusal)
      return refusal.code === "not_found" ? refused("invalid_input", "部分学校不存在") : refusal;
  }
  const withAccount = await userRepository.schoolsWithAccount(
    db,
    targets.map((s) => s.id),
  );
  const lacking = targets.filter((s) => !withAccount.has(s.id));
  // Hashing is the slow part (scrypt); better-auth runs it off the main thread, so hash in parallel.
  const credentials = await Promise.all(
    lacking.map(async (school) => {
      const password = oneTimePassword(randomBytes);
      return { school, password, passwordHash: await hashPassword(password) };
    }),
  );
  return db.transaction(async (tx) => {
    const taken = await userRepository.schoolAccountUsernames(tx);
    const created: BulkSchoolAccountsResult["created"] = [];
    for (const { school, password, passwordHash } of credentials) {
      const username = uniqueUsername(schoolAccountUsername(school.code), taken);
      taken.add(username);
      const userId = await userRepository.createAccount(tx, {
        username,
        name: school.name,
        role: "school",
        passwordHash,
        schoolId: school.id,
        districtId: school.districtId,
        mustChangePassword: true,
      });
      await recordAudit(tx, actor, now, {
        action: "user.create",
        targetId: userId,
        targetLabel: school.name,
        districtId: school.districtId,
        before: null,
        after: { username, name: school.name, role: "school", schoolId: school.id },
      });
      created.push({
        userId,
        schoolName: school.name,
        schoolCode: school.code,
        username,
        password,
      });
    }
    return done({ created, skipped: targets.length - lacking.length });
  });
}

/** The schools of the districts in scope that have no school account yet, by code. */
export async function schoolsWithoutAccount(
  db: Executor,
  scope: OrgScope,
): Promise<{ id: string; name: string; code: string }[]> {
  const districtIds = readableDistrictIds(scope);
  if (districtIds !== null && districtIds.length === 0) return [];
  return schoolRepository.listWithoutAccount(db, districtIds);
}
