/**
 * Applies a sync push: one DB transaction per batch, one result per mutation, in order, exactly as
 * lib/sync/protocol.ts describes. Each mutation runs in its own savepoint, so a rejected one rolls
 * back only itself. Visit mutations go through the same reducer as the phone (applyVisitMutation);
 * "rectification.act" through the same service as the REST route. Whatever the client sent, the answer
 * is a result per mutation: a mutation the database refuses as data (a value it cannot store, a
 * broken constraint) is rejected on its own, so a poison mutation is never retried forever. Any other
 * error (the database unreachable) aborts the whole batch, and the client retries it.
 */
import "server-only";

import type { z } from "zod";

import {
  mutationSchema,
  referencedPhotoIds,
  type Mutation,
  type RectificationMutation,
  type VisitMutation,
} from "@/lib/domain/mutations";
import type { User } from "@/lib/domain/org/org.schema";
import { type Refusal, refusal, refusalOf } from "@/lib/domain/refusal";
import { controlCharPath } from "@/lib/domain/text";
import { applyVisitMutation } from "@/lib/domain/visit/visit";
import type { Visit } from "@/lib/domain/visit/visit.schema";
import type { MutationResult, pushRequestEnvelopeSchema, PushResponse } from "@/lib/sync/protocol";

import { registerPhotoMeta, unusablePhotoIds } from "./photo-references";
import { newPinRefusal } from "./pinned-templates";
import { submitVisit } from "./submit-visit";
import { inspectsSchool } from "../auth/scope";
import { lockChangeSeq } from "../db/change-seq";
import type { Executor } from "../db/client";
import { campaignVisitRefusal } from "../plans/campaigns";
import { applyRectificationAction } from "../rectification/act";
import { processedMutationRepository } from "../repositories/processed-mutation-repository";
import { schoolRepository } from "../repositories/school-repository";
import { visitRepository } from "../repositories/visit-repository";

export type PushEnvelope = z.infer<typeof pushRequestEnvelopeSchema>;
type RawMutation = PushEnvelope["mutations"][number];

/** Thrown inside a mutation's savepoint to roll back what it wrote; never escapes this module. */
class RefusedInSavepoint extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.message);
  }
}

/**
 * Applies the batch as `user` at `now` (server time, epoch ms) and answers each mutation with
 * applied, duplicate or rejected(refusal). Rejections never abort the batch; errors do.
 */
export async function applyPush(
  db: Executor,
  user: User,
  push: PushEnvelope,
  now: number,
): Promise<PushResponse> {
  return db.transaction(async (tx) => {
    // First, before any row lock (see change-seq.ts). It also serialises two deliveries of one
    // batch, so the second sees the first's processed ids and answers duplicate.
    await lockChangeSeq(tx);
    const results: MutationResult[] = [];
    for (const raw of push.mutations) results.push(await applyOne(tx, user, raw, now));
    return { results };
  });
}

async function applyOne(
  tx: Executor,
  user: User,
  raw: RawMutation,
  now: number,
): Promise<MutationResult> {
  const { id } = raw;
  if (await processedMutationRepository.isApplied(tx, user.id, id))
    return { id, status: "duplicate" };
  const parsed = mutationSchema.safeParse(raw);
  if (!parsed.success) {
    return rejected(
      id,
      refusal("invalid_input", parsed.error.issues[0]?.message ?? "更改内容无效"),
    );
  }
  const mutation = parsed.data;
  const badText = controlCharPath(mutation);
  if (badText !== null) {
    return rejected(id, refusal("invalid_input", `${badText.join(".")}不能包含控制字符`));
  }
  try {
    await tx.transaction(async (savepoint) => {
      const refused = await applyMutation(savepoint, user, mutation, now);
      if (refused !== null) throw new RefusedInSavepoint(refused);
      await processedMutationRepository.record(savepoint, mutation, user.id, now);
    });
  } catch (error) {
    if (error instanceof RefusedInSavepoint) return rejected(id, error.refusal);
    if (isDataError(error)) {
      console.error(`同步更改 ${id}（${mutation.name}）被数据库拒绝:`, error);
      return rejected(
        id,
        refusal("invalid_input", "更改内容无法保存（数据有误），请核对后重新填写"),
      );
    }
    throw error;
  }
  return { id, status: "applied" };
}

function rejected(id: MutationResult["id"], why: Refusal): MutationResult {
  return { id, status: "rejected", refusal: why };
}

/**
 * PostgreSQL refused the values themselves (SQLSTATE class 22, data exception, or 23, integrity
 * constraint violation): sending them again can never succeed. The driver's error is the `cause`.
 */
function isDataError(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^2[23][0-9A-Z]{3}$/.test(code)) return true;
  }
  return false;
}

function applyMutation(
  tx: Executor,
  user: User,
  mutation: Mutation,
  now: number,
): Promise<Refusal | null> {
  return mutation.name === "rectification.act"
    ? applyRectification(tx, user, mutation, now)
    : applyVisit(tx, user, mutation, now);
}

/**
 * The item's own service judges scope (not_found), role (forbidden), state (conflict), version
 * (stale_version) and photos (photo_missing).
 * The action happened when the phone recorded it, but never later than now (a phone clock ahead).
 */
async function applyRectification(
  tx: Executor,
  user: User,
  mutation: RectificationMutation,
  now: number,
): Promise<Refusal | null> {
  const { itemId, action, expectedVersion } = mutation.args;
  const result = await applyRectificationAction(
    tx,
    user,
    { itemId, action, expectedVersion },
    Math.min(mutation.createdAt, now),
  );
  return result.ok ? null : refusalOf(result);
}

/** protocol.ts steps 3–5 for a visit mutation: scope, photos, the reducer, then store. */
async function applyVisit(
  tx: Executor,
  user: User,
  mutation: VisitMutation,
  now: number,
): Promise<Refusal | null> {
  if (user.role !== "inspector") return refusal("forbidden", "只有督学可以提交检查记录");
  const current = await visitRepository.findById(tx, mutation.args.visitId);
  // Without a visit there is nothing to judge scope by: the reducer refuses it as not found.
  const owner = mutation.name === "visit.start" ? mutation.args : current;
  if (owner !== null) {
    const refused =
      (await scopeRefusal(tx, user, owner)) ?? (await photoRefusal(tx, user, owner, mutation));
    if (refused !== null) return refused;
  }

  const outcome = applyVisitMutation(current ?? undefined, mutation);
  if (!outcome.ok) return refusalOf(outcome);
  const visit = outcome.visit;

  // The edit's time on the phone, for judging new pins; a phone clock ahead counts as now.
  const editedAt = Math.min(mutation.createdAt, now);
  switch (mutation.name) {
    case "visit.start":
      return startVisit(tx, visit, editedAt);
    case "visit.update": {
      // Versions the draft pinned already stay; a newly added one must be pinnable now.
      if (mutation.args.patch.templates) {
        const added = visit.templates.filter(
          (ref) =>
            !current?.templates.some((t) => t.code === ref.code && t.version === ref.version),
        );
        const school = await schoolRepository.findById(tx, visit.schoolId);
        if (school === null) return refusal("not_found", "学校不存在");
        const notPinnable = await newPinRefusal(tx, school.districtId, added, editedAt);
        if (notPinnable !== null) return notPinnable;
      }
      await visitRepository.update(tx, visit);
      return null;
    }
    case "answer.save":
      await visitRepository.saveAnswer(tx, mutation.args);
      return null;
    case "photo.register":
      await registerPhotoMeta(tx, mutation.args, visit.schoolId);
      return null;
    case "visit.submit":
      return submitVisit(tx, user, visit, now);
  }
}

/** The visit is the signed-in inspector's own, of a school in their 督学责任区. */
async function scopeRefusal(
  tx: Executor,
  user: User,
  owner: Pick<Visit, "schoolId" | "inspectorId">,
): Promise<Refusal | null> {
  if (owner.inspectorId !== user.id)
    return refusal("forbidden", "检查记录的督学不是当前登录的账号");
  if (!(await inspectsSchool(tx, user, owner.schoolId)))
    return refusal("forbidden", "该学校不在您的督学责任区");
  return null;
}

/** Every photo the mutation refers to was uploaded (by this inspector, or for this school). */
async function photoRefusal(
  tx: Executor,
  user: User,
  owner: Pick<Visit, "schoolId">,
  mutation: VisitMutation,
): Promise<Refusal | null> {
  const unusable = await unusablePhotoIds(tx, referencedPhotoIds(mutation), {
    userId: user.id,
    schoolId: owner.schoolId,
  });
  return unusable.length > 0
    ? refusal("photo_missing", `照片尚未上传（${unusable.length} 张），请稍后重试`)
    : null;
}

/** A new visit pins only what its school's district may pin when the phone started it. */
async function startVisit(tx: Executor, visit: Visit, startedAt: number): Promise<Refusal | null> {
  const school = await schoolRepository.findById(tx, visit.schoolId);
  if (school === null) return refusal("not_found", "学校不存在");
  const notPinnable =
    (await newPinRefusal(tx, school.districtId, visit.templates, startedAt)) ??
    (await campaignVisitRefusal(tx, visit, school.districtId));
  if (notPinnable !== null) return notPinnable;
  await visitRepository.insert(tx, visit, school.districtId);
  return null;
}
