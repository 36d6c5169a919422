/**
 * Rectification test data on a county from buildCounty: findings from the real checklist library,
 * domain users looked up by username, stored photo rows, and a notice issued through the service.
 */
import { eq } from "drizzle-orm";

import { BUILT_IN_TEMPLATES } from "@/lib/checklists";
import type { User } from "@/lib/domain/org/org.schema";
import { userSchema } from "@/lib/domain/org/org.schema";
import type { Finding } from "@/lib/domain/template/findings.schema";
import type { Executor } from "@/lib/server/db/client";
import { photos, schools, user as users, visits } from "@/lib/server/db/schema";
import { issueNoticeForVisit, type IssuedNotice } from "@/lib/server/rectification/issue-notice";
import { newId } from "@/lib/utils/ids";

export async function domainUser(db: Executor, username: string): Promise<User> {
  const [row] = await db.select().from(users).where(eq(users.username, username));
  if (!row) throw new Error(`no user ${username}`);
  return userSchema.parse({ ...row, username, role: row.role });
}

export async function schoolOf(
  db: Executor,
  code: string,
): Promise<{ id: string; districtId: string; name: string }> {
  const [row] = await db
    .select({ id: schools.id, districtId: schools.districtId, name: schools.name })
    .from(schools)
    .where(eq(schools.code, code));
  if (!row) throw new Error(`no school ${code}`);
  return row;
}

/** A 限期整改 finding of a library item (by default XF-012, 灭火器压力), due `dueDate`. */
export function aFinding(itemCode = "XF-012", overrides: Partial<Finding> = {}): Finding {
  for (const template of BUILT_IN_TEMPLATES) {
    const item = template.items.find((i) => i.code === itemCode);
    if (!item) continue;
    return {
      templateCode: template.code,
      templateVersion: 1,
      itemCode,
      section: item.section,
      prompt: item.prompt,
      finding: item.finding,
      basis: item.basis,
      result: "fail",
      severity: item.severity,
      description: `${item.finding}。现场发现不符合要求`,
      requiredAction: item.requirement,
      rectification: { mode: "deadline", dueDate: "2031-03-20" },
      photoIds: [],
      ...overrides,
    };
  }
  throw new Error(`no library item ${itemCode}`);
}

/** Photo ids are 64 hex digits; `n` makes them distinct and readable. */
export function photoId(n: number): string {
  return n.toString(16).padStart(64, "0");
}

/** Photo rows as an upload leaves them (the bytes themselves are not needed by the service). */
export async function insertPhotos(
  db: Executor,
  ids: readonly string[],
  uploadedBy: string,
): Promise<void> {
  if (ids.length === 0) return;
  await db
    .insert(photos)
    .values(ids.map((id) => ({ id, mime: "image/jpeg", bytes: 1000, uploadedBy })))
    .onConflictDoNothing();
}

/** A submitted 挂牌督导 visit row (header only), as the sync push stores one; returns its id. */
export async function insertVisit(
  db: Executor,
  v: { schoolId: string; districtId: string; inspectorId: string; at: number },
): Promise<string> {
  const id = newId();
  await db.insert(visits).values({
    id,
    districtId: v.districtId,
    schoolId: v.schoolId,
    inspectorId: v.inspectorId,
    kind: "routine",
    templates: [{ code: "fire", version: 1 }],
    startedAt: new Date(v.at),
    endedAt: new Date(v.at),
    location: null,
    summary: "",
    signatures: { inspector: null, school: null },
    status: "submitted",
    submittedAt: new Date(v.at),
    updatedAt: new Date(v.at),
  });
  return id;
}

/** Issues a notice at school `schoolCode` for a new visit by `inspector`; throws on a refusal. */
export async function issueTestNotice(
  db: Executor,
  options: { schoolCode: string; inspector: string; findings: Finding[]; now: number },
): Promise<IssuedNotice & { visitId: string }> {
  const school = await schoolOf(db, options.schoolCode);
  const inspector = await domainUser(db, options.inspector);
  const visitId = await insertVisit(db, {
    schoolId: school.id,
    districtId: school.districtId,
    inspectorId: inspector.id,
    at: options.now,
  });
  const issued = await db.transaction((tx) =>
    issueNoticeForVisit(tx, {
      visitId,
      districtId: school.districtId,
      schoolId: school.id,
      findings: options.findings,
      issuedBy: inspector.id,
      now: options.now,
    }),
  );
  if (!issued.ok) throw new Error(`issue refused: ${issued.message}`);
  return { ...issued, visitId };
}
