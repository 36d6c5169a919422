/**
 * Applies a sync push: one DB transaction per batch, one result per mutation, in order, exactly as
 * lib/sync/protocol.ts describes. What every mutation needs is loaded once per batch (applied ids,
 * visits, the inspector's schools, photos); visit mutations are judged in memory through the same
 * reducer as the phone (applyVisitMutation) and their writes go out together in multi-row
 * statements. Only the mutations that can fail after writing — "visit.submit" (it issues the
 * 整改通知书) and "rectification.act" (the REST route's own service) — run in a savepoint.
 *
 * Whatever the client sent, the answer is a result per mutation: a mutation the database refuses as
 * data (a value it cannot store, a broken constraint) is rejected on its own, so a poison mutation is
 * never retried forever. When the database refuses a multi-row write, the batch starts over with
 * each mutation written in a savepoint of its own to find the one. Any other error (the database
 * unreachable) aborts the whole batch, and the client retries it.
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
import type { PhotoMeta, Visit, VisitAnswer } from "@/lib/domain/visit/visit.schema";
import type { MutationResult, pushRequestEnvelopeSchema, PushResponse } from "@/lib/sync/protocol";

import { registeredOwner, unusablePhotoIds } from "./photo-references";
import { newPinRefusal } from "./pinned-templates";
import { submitVisit } from "./submit-visit";
import { inspectedSchoolIds } from "../auth/scope";
import { lockChangeSeq } from "../db/change-seq";
import type { Executor } from "../db/client";
import { campaignVisitRefusal } from "../plans/campaigns";
import { applyRectificationAction } from "../rectification/act";
import { schoolRepository } from "../repositories/org/school-repository";
import { type PhotoOwner, photoRepository } from "../repositories/photo-repository";
import { processedMutationRepository } from "../repositories/processed-mutation-repository";
import { visitRepository } from "../repositories/visits/visit-repository";

export type PushEnvelope = z.infer<typeof pushRequestEnvelopeSchema>;
type RawMutation = PushEnvelope["mutations"][number];

/** Thrown inside a mutation's savepoint to roll back what it wrote; never escapes this module. */
class RefusedInSavepoint extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.message);
  }
}

/** "batched": writes go out together; "one by one": each mutation's in its own savepoint. */
type Mode = "batched" | "one by one";

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
  try {
    return await db.transaction((tx) => applyBatch(tx, user, push.mutations, now, "batched"));
  } catch (error) {
    if (!isDataError(error)) throw error;
    return db.transaction((tx) => applyBatch(tx, user, push.mutations, now, "one by one"));
  }
}

type Entry = { id: string; mutation: Mutation } | { id: string; rejected: Refusal };

/** protocol.ts step 2: the mutation itself, judged alone. */
function parseEntry(raw: RawMutation): Entry {
  const parsed = mutationSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      id: raw.id,
      rejected: refusal("invalid_input", parsed.error.issues[0]?.message ?? "更改内容无效"),
    };
  }
  const badText = controlCharPath(parsed.data);
  if (badText !== null) {
    return {
      id: raw.id,
      rejected: refusal("invalid_input", `${badText.join(".")}不能包含控制字符`),
    };
  }
  return { id: raw.id, mutation: parsed.data };
}

/** What the batch's mutations are judged against, loaded once and kept current as they apply. */
type BatchState = {
  applied: Set<string>;
  visits: Map<string, Visit>;
  photos: Map<string, PhotoOwner>;
  inspected: ReadonlySet<string>;
};

/** The writes of judged mutations not yet sent, merged: the last state of each row. */
class PendingWrites {
  private readonly insertedVisits = new Map<string, string>();
  private readonly updatedVisits = new Set<string>();
  private readonly answers = new Map<string, VisitAnswer>();
  private readonly photos = new Map<string, { meta: PhotoMeta; schoolId: string }>();
  private readonly processed: { id: string; name: string }[] = [];
  private claimed = false;

  insertVisit(visitId: string, districtId: string): void {
    this.insertedVisits.set(visitId, districtId);
  }
  updateVisit(visitId: string): void {
    if (!this.insertedVisits.has(visitId)) this.updatedVisits.add(visitId);
  }
  saveAnswer(answer: VisitAnswer): void {
    this.answers.set(`${answer.visitId}\n${answer.templateCode}\n${answer.itemCode}`, answer);
  }
  registerPhoto(meta: PhotoMeta, schoolId: string): void {
    this.photos.set(meta.id, { meta, schoolId });
  }
  recordApplied(mutation: Mutation): void {
    this.processed.push({ id: mutation.id, name: mutation.name });
  }

  /** Claims the change counter before the transaction's first change_seq (db/change-seq.ts). */
  async claim(tx: Executor): Promise<void> {
    if (this.claimed) return;
    await lockChangeSeq(tx);
    this.claimed = true;
  }

  /** Sends what is pending: visits first (answers refer to them), then answers, photos, ids. */
  async flush(tx: Executor, state: BatchState, userId: string, now: number): Promise<void> {
    const visitWrites = this.insertedVisits.size + this.updatedVisits.size + this.answers.size;
    if (visitWrites + this.photos.size + this.processed.length === 0) return;
    await this.claim(tx);
    for (const [visitId, districtId] of this.insertedVisits) {
      await visitRepository.insert(tx, state.visits.get(visitId)!, districtId);
    }
    for (const visitId of this.updatedVisits) {
      await visitRepository.update(tx, state.visits.get(visitId)!);
    }
    await visitRepository.saveAnswers(tx, [...this.answers.values()]);
    await photoRepository.registerMetas(tx, [...this.photos.values()]);
    await processedMutationRepository.record(tx, this.processed, userId, now);
    this.clear();
  }

  clear(): void {
    this.insertedVisits.clear();
    this.updatedVisits.clear();
    this.answers.clear();
    this.photos.clear();
    this.processed.length = 0;
  }
}

async function applyBatch(
  tx: Executor,
  user: User,
  raws: readonly RawMutation[],
  now: number,
  mode: Mode,
): Promise<PushResponse> {
  // One push of a user at a time: a batch delivered twice at once answers duplicate the second time.
  await processedMutationRepository.lockUser(tx, user.id);
  const entries = raws.map(parseEntry);
  const mutations = entries.flatMap((e) => ("mutation" in e ? [e.mutation] : []));
  const visitIds = mutations.flatMap((m) =>
    m.name === "rectification.act" ? [] : [m.args.visitId],
  );
  const state: BatchState = {
    applied: await processedMutationRepository.appliedAmong(
      tx,
      user.id,
      entries.map((e) => e.id),
    ),
    visits:
      user.role === "inspector"
        ? await visitRepository.findByIds(tx, visitIds)
        : new Map<string, Visit>(),
    photos: await photoRepository.ownersOf(tx, mutations.flatMap(referencedPhotoIds)),
    inspected: await inspectedSchoolIds(tx, user),
  };
  const pending = new PendingWrites();
  const results: MutationResult[] = [];
  for (const entry of entries) {
    const { id } = entry;
    if (state.applied.has(id)) results.push({ id, status: "duplicate" });
    else if ("rejected" in entry) results.push(rejected(id, entry.rejected));
    else results.push(await applyOne(tx, user, entry.mutation, now, mode, state, pending));
  }
  await pending.flush(tx, state, user.id, now);
  return { results };
}

async function applyOne(
  tx: Executor,
  user: User,
  mutation: Mutation,
  now: number,
  mode: Mode,
  state: BatchState,
  pending: PendingWrites,
): Promise<MutationResult> {
  const { id } = mutation;
  const before = { visits: new Map(state.visits), photos: new Map(state.photos) };
  let result: MutationResult;
  if (mutation.name === "rectification.act" || mutation.name === "visit.submit") {
    // It reads what the batch wrote so far, and may refuse after writing: a savepoint of its own.
    await pending.flush(tx, state, user.id, now);
    await pending.claim(tx);
    result = await inSavepoint(tx, mutation, async (savepoint) => {
      const refused =
        mutation.name === "rectification.act"
          ? await applyRectification(savepoint, user, mutation, now, state)
          : await applyVisit(savepoint, user, mutation, now, state, pending);
      if (refused === null) {
        await processedMutationRepository.record(savepoint, [mutation], user.id, now);
      }
      return refused;
    });
  } else {
    const refused = await applyVisit(tx, user, mutation, now, state, pending);
    if (refused !== null) return rejected(id, refused);
    pending.recordApplied(mutation);
    if (mode === "batched") {
      result = { id, status: "applied" };
    } else {
      // The writes go out now, so that a value the database refuses rejects only this mutation.
      // The claim outside the savepoint: rolling the savepoint back would release it.
      await pending.claim(tx);
      result = await inSavepoint(tx, mutation, async (savepoint) => {
        await pending.flush(savepoint, state, user.id, now);
        return null;
      });
    }
  }
  if (result.status === "applied") {
    state.applied.add(id);
  } else {
    pending.clear();
    state.visits = before.visits;
    state.photos = before.photos;
  }
  return result;
}

/** Runs `apply` in a savepoint: a refusal or a data error rolls back only this mutation. */
async function inSavepoint(
  tx: Executor,
  mutation: Mutation,
  apply: (savepoint: Executor) => Promise<Refusal | null>,
): Promise<MutationResult> {
  const { id } = mutation;
  try {
    await tx.transaction(async (savepoint) => {
      const refused = await apply(savepoint);
      if (refused !== null) throw new RefusedInSavepoint(refused);
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

/**
 * The item's own service judges scope (not_found), role (forbidden), state (conflict), version
 * (stale_version) and photos (photo_missing). The action takes effect now (server time); when it
 * happened on site is kept beside it as `occurredAt`, never later than now (a phone clock ahead).
 * Its photos may have become the item's school's: the batch sees them as they are now.
 */
async function applyRectification(
  tx: Executor,
  user: User,
  mutation: RectificationMutation,
  now: number,
  state: BatchState,
): Promise<Refusal | null> {
  const { itemId, action, expectedVersion } = mutation.args;
  const occurredAt = Math.min(mutation.args.occurredAt ?? mutation.createdAt, now);
  const result = await applyRectificationAction(
    tx,
    user,
    { itemId, action, expectedVersion, occurredAt },
    now,
  );
  if (!result.ok) return refusalOf(result);
  const photoIds = referencedPhotoIds(mutation);
  for (const [photoId, owner] of await photoRepository.ownersOf(tx, photoIds)) {
    state.photos.set(photoId, owner);
  }
  return null;
}

/**
 * protocol.ts steps 3–5 for a visit mutation: scope, photos, the reducer, then its writes — pending
 * for the batch, or at once for "visit.submit". The batch's state changes only when it is applied.
 */
async function applyVisit(
  tx: Executor,
  user: User,
  mutation: VisitMutation,
  now: number,
  state: BatchState,
  pending: PendingWrites,
): Promise<Refusal | null> {
  if (user.role !== "inspector") return refusal("forbidden", "只有督学可以提交检查记录");
  const current = state.visits.get(mutation.args.visitId) ?? null;
  // Without a visit there is nothing to judge scope by: the reducer refuses it as not found.
  const owner = mutation.name === "visit.start" ? mutation.args : current;
  if (owner !== null) {
    const refused = scopeRefusal(state, user, owner) ?? photoRefusal(state, user, owner, mutation);
    if (refused !== null) return refused;
  }

  const outcome = applyVisitMutation(current ?? undefined, mutation);
  if (!outcome.ok) return refusalOf(outcome);
  const visit = outcome.visit;

  // The edit's time on the phone, for judging new pins; a phone clock ahead counts as now.
  const editedAt = Math.min(mutation.createdAt, now);
  switch (mutation.name) {
    case "visit.start": {
      const school = await schoolRepository.findById(tx, visit.schoolId);
      if (school === null) return refusal("not_found", "学校不存在");
      const notPinnable =
        (await newPinRefusal(tx, school.districtId, visit.templates, editedAt)) ??
        (await campaignVisitRefusal(tx, visit, school.districtId));
      if (notPinnable !== null) return notPinnable;
      state.visits.set(visit.id, visit);
      pending.insertVisit(visit.id, school.districtId);
      return null;
    }
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
      state.visits.set(visit.id, visit);
      pending.updateVisit(visit.id);
      return null;
    }
    case "answer.save":
      pending.saveAnswer(mutation.args);
      return null;
    case "photo.register": {
      const stored = state.photos.get(mutation.args.id)!;
      const registered = registeredOwner(stored, mutation.args, visit.schoolId);
      if (registered !== stored) {
        state.photos.set(registered.id, registered);
        pending.registerPhoto(mutation.args, visit.schoolId);
      }
      return null;
    }
    case "visit.submit": {
      const refused = await submitVisit(tx, user, visit, now);
      if (refused === null) state.visits.set(visit.id, visit);
      return refused;
    }
  }
}

/** The visit is the signed-in inspector's own, of a school in their 督学责任区. */
function scopeRefusal(
  state: BatchState,
  user: User,
  owner: Pick<Visit, "schoolId" | "inspectorId">,
): Refusal | null {
  if (owner.inspectorId !== user.id) {
    return refusal("forbidden", "检查记录的督学不是当前登录的账号");
  }
  if (!state.inspected.has(owner.schoolId)) return refusal("forbidden", "该学校不在您的督学责任区");
  return null;
}

/** Every photo the mutation refers to was uploaded (by this inspector, or for this school). */
function photoRefusal(
  state: BatchState,
  user: User,
  owner: Pick<Visit, "schoolId">,
  mutation: VisitMutation,
): Refusal | null {
  const unusable = unusablePhotoIds(state.photos, referencedPhotoIds(mutation), {
    userId: user.id,
    schoolId: owner.schoolId,
  });
  return unusable.length > 0
    ? refusal("photo_missing", `照片尚未上传（${unusable.length} 张），请稍后重试`)
    : null;
}
