/**
 * Visits and their answers ⇄ lib/domain Visit and VisitAnswer. Written only by the sync push (which
 * claims the change counter first, lib/server/db/change-seq.ts); every write draws a new change_seq
 * so pulls see it. Scope is the caller's business.
 */
import "server-only";

import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";

import type { TemplateRef } from "@/lib/domain/template/template.schema";
import {
  pinnedTemplatesSchema,
  type Visit,
  type VisitAnswer,
  visitAnswerSchema,
  visitSchema,
} from "@/lib/domain/visit/visit.schema";

import { anyOf } from "../../db/any-of";
import { inSeqRange, type SeqRange } from "../../db/change-seq";
import type { Executor } from "../../db/client";
import { visitAnswers, visits } from "../../db/schema";

type VisitRow = typeof visits.$inferSelect;
type AnswerRow = typeof visitAnswers.$inferSelect;

const toDate = (ms: number | null) => (ms === null ? null : new Date(ms));

export function rowToVisit(row: VisitRow): Visit {
  return visitSchema.parse({
    id: row.id,
    schoolId: row.schoolId,
    inspectorId: row.inspectorId,
    kind: row.kind,
    // Absent unless set, as the phone writes it: a visit reads back as it was pushed.
    ...(row.campaignId === null ? {} : { campaignId: row.campaignId }),
    templates: row.templates,
    ...(row.excludedSections === null ? {} : { excludedSections: row.excludedSections }),
    startedAt: row.startedAt.getTime(),
    endedAt: row.endedAt?.getTime() ?? null,
    location: row.location,
    summary: row.summary,
    signatures: row.signatures,
    status: row.status,
    submittedAt: row.submittedAt?.getTime() ?? null,
    ...(row.unchecked === null ? {} : { unchecked: row.unchecked }),
    updatedAt: row.updatedAt.getTime(),
  });
}

export function rowToAnswer(row: AnswerRow): VisitAnswer {
  return visitAnswerSchema.parse({
    visitId: row.visitId,
    templateCode: row.templateCode,
    itemCode: row.itemCode,
    result: row.result,
    value: row.value,
    note: row.note,
    photoIds: row.photoIds,
    finding: row.finding,
    answeredAt: row.answeredAt.getTime(),
  });
}

function visitFields(visit: Visit) {
  return {
    kind: visit.kind,
    templates: visit.templates,
    excludedSections: visit.excludedSections ?? null,
    startedAt: new Date(visit.startedAt),
    endedAt: toDate(visit.endedAt),
    location: visit.location,
    summary: visit.summary,
    signatures: visit.signatures,
    status: visit.status,
    submittedAt: toDate(visit.submittedAt),
    unchecked: visit.unchecked ?? null,
    updatedAt: new Date(visit.updatedAt),
  } satisfies Partial<typeof visits.$inferInsert>;
}

const nextChangeSeq = sql`nextval('change_seq')`;

export const visitRepository = {
  async findById(db: Executor, id: string): Promise<Visit | null> {
    const [row] = await db.select().from(visits).where(eq(visits.id, id));
    return row ? rowToVisit(row) : null;
  },

  /** The stored visits among `ids`, by id. */
  async findByIds(db: Executor, ids: readonly string[]): Promise<Map<string, Visit>> {
    if (ids.length === 0) return new Map();
    const rows = await db
      .select()
      .from(visits)
      .where(anyOf(visits.id, [...new Set(ids)], "uuid"));
    return new Map(rows.map((row) => [row.id, rowToVisit(row)]));
  },

  /** A new visit; `districtId` is its school's (visits are reported per district). */
  async insert(db: Executor, visit: Visit, districtId: string): Promise<void> {
    await db.insert(visits).values({
      id: visit.id,
      districtId,
      schoolId: visit.schoolId,
      inspectorId: visit.inspectorId,
      campaignId: visit.campaignId ?? null,
      ...visitFields(visit),
    });
  },

  /** Writes the visit's header as the reducer returned it (school and inspector never change). */
  async update(db: Executor, visit: Visit): Promise<void> {
    await db
      .update(visits)
      .set({ ...visitFields(visit), changeSeq: nextChangeSeq })
      .where(eq(visits.id, visit.id));
  },

  /**
   * Saves (replaces) answers, keyed by visit, template and item, in one statement; each key at most
   * once (PostgreSQL cannot upsert one row twice in a statement: keep the latest of a key).
   */
  async saveAnswers(db: Executor, answers: readonly VisitAnswer[]): Promise<void> {
    if (answers.length === 0) return;
    await db
      .insert(visitAnswers)
      .values(
        answers.map((answer) => ({
          visitId: answer.visitId,
          templateCode: answer.templateCode,
          itemCode: answer.itemCode,
          result: answer.result,
          value: answer.value,
          note: answer.note,
          photoIds: answer.photoIds,
          finding: answer.finding,
          answeredAt: new Date(answer.answeredAt),
        })),
      )
      .onConflictDoUpdate({
        target: [visitAnswers.visitId, visitAnswers.templateCode, visitAnswers.itemCode],
        set: {
          result: sql`excluded.result`,
          value: sql`excluded.value`,
          note: sql`excluded.note`,
          photoIds: sql`excluded.photo_ids`,
          finding: sql`excluded.finding`,
          answeredAt: sql`excluded.answered_at`,
          changeSeq: nextChangeSeq,
        },
      });
  },

  /** The answers of some visits, in template and item code order. */
  async listAnswers(db: Executor, visitIds: readonly string[]): Promise<VisitAnswer[]> {
    if (visitIds.length === 0) return [];
    const rows = await db
      .select()
      .from(visitAnswers)
      .where(inArray(visitAnswers.visitId, [...visitIds]))
      .orderBy(
        asc(visitAnswers.visitId),
        asc(visitAnswers.templateCode),
        asc(visitAnswers.itemCode),
      );
    return rows.map(rowToAnswer);
  },

  /** Each school's most recent submitted visit (by start time); schools never visited are absent. */
  async latestSubmitted(db: Executor, schoolIds: readonly string[]): Promise<Visit[]> {
    if (schoolIds.length === 0) return [];
    const rows = await db
      .selectDistinctOn([visits.schoolId])
      .from(visits)
      .where(and(inArray(visits.schoolId, [...schoolIds]), eq(visits.status, "submitted")))
      .orderBy(asc(visits.schoolId), desc(visits.startedAt), desc(visits.id));
    return rows.map(rowToVisit);
  },

  /** The template versions the inspector's drafts pin, so the pack keeps them after a newer version. */
  async pinnedByDrafts(db: Executor, inspectorId: string): Promise<TemplateRef[]> {
    const rows = await db
      .select({ templates: visits.templates })
      .from(visits)
      .where(and(eq(visits.inspectorId, inspectorId), eq(visits.status, "draft")));
    return rows.flatMap((row) => pinnedTemplatesSchema.parse(row.templates));
  },

  /** The ids of the inspector's visits. */
  async idsOfInspector(db: Executor, inspectorId: string): Promise<string[]> {
    const rows = await db
      .select({ id: visits.id })
      .from(visits)
      .where(eq(visits.inspectorId, inspectorId));
    return rows.map((r) => r.id);
  },

  /** The inspector's visits changed in `range`, oldest change first, with their change numbers. */
  async changesOfInspector(
    db: Executor,
    inspectorId: string,
    range: SeqRange,
  ): Promise<{ seq: number; visit: Visit }[]> {
    const rows = await db
      .select()
      .from(visits)
      .where(and(eq(visits.inspectorId, inspectorId), inSeqRange(visits.changeSeq, range)))
      .orderBy(asc(visits.changeSeq))
      .limit(range.limit);
    return rows.map((row) => ({ seq: row.changeSeq, visit: rowToVisit(row) }));
  },

  /** The answers of these visits changed in `range`, oldest change first, with their change numbers. */
  async answerChanges(
    db: Executor,
    visitIds: readonly string[],
    range: SeqRange,
  ): Promise<{ seq: number; answer: VisitAnswer }[]> {
    const rows = await db
      .select()
      .from(visitAnswers)
      .where(
        and(
          anyOf(visitAnswers.visitId, visitIds, "uuid"),
          inSeqRange(visitAnswers.changeSeq, range),
        ),
      )
      .orderBy(asc(visitAnswers.changeSeq))
      .limit(range.limit);
    return rows.map((row) => ({ seq: row.changeSeq, answer: rowToAnswer(row) }));
  },
};
