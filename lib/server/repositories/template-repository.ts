/**
 * Checklist templates in PostgreSQL: published versions (immutable rows; only status may turn to
 * retired) and at most one draft per code. Version numbers come from the pure publishTemplate; the
 * table's primary key (code, version) is what stops two concurrent publishes from sharing one.
 * Every write holds the change-counter lock (db/change-seq.ts), as rows carry a change_seq.
 */
import "server-only";

import { and, asc, desc, eq, gt, sql } from "drizzle-orm";

import {
  TEMPLATE_DOMAINS,
  type Template,
  type TemplateDomain,
  type TemplateInput,
  templateInputSchema,
  templateSchema,
  type TemplateStatus,
} from "@/lib/domain/template/template.schema";
import { upgradeLegacyItems } from "@/lib/domain/template/legacy-template";
import { publishTemplate, retireTemplate } from "@/lib/domain/template/versioning";

import { lockChangeSeq } from "../db/change-seq";
import type { Executor, Tx } from "../db/client";
import { templates } from "../db/schema";

type TemplateRow = typeof templates.$inferSelect;

/**
 * A code's draft is stored at version 0: drafts have no version number of their own (they get one
 * when published), and the primary key then allows exactly one draft per code.
 */
const DRAFT_VERSION = 0;

/** PostgreSQL's unique_violation; drizzle wraps driver errors, so look at the cause too. */
const UNIQUE_VIOLATION = "23505";

export function rowToTemplate(row: TemplateRow): Template {
  return templateSchema.parse({
    code: row.code,
    title: row.title,
    domain: row.domain,
    description: row.description,
    items: upgradeLegacyItems(row.items),
    version: row.version,
    status: row.status,
    publishedAt: row.publishedAt?.getTime() ?? null,
  });
}

export function rowToDraft(row: TemplateRow): TemplateInput {
  return templateInputSchema.parse({
    code: row.code,
    title: row.title,
    domain: row.domain,
    description: row.description,
    items: upgradeLegacyItems(row.items),
  });
}

function templateToRow(template: Template, userId: string | null): typeof templates.$inferInsert {
  return {
    code: template.code,
    version: template.version,
    status: template.status,
    title: template.title,
    domain: template.domain,
    description: template.description,
    items: template.items,
    publishedAt: template.publishedAt === null ? null : new Date(template.publishedAt),
    createdBy: userId,
  };
}

function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if ("code" in e && e.code === UNIQUE_VIOLATION) return true;
  }
  return false;
}

const versionsOf = (code: string) =>
  and(eq(templates.code, code), gt(templates.version, DRAFT_VERSION));
const draftOf = (code: string) =>
  and(eq(templates.code, code), eq(templates.version, DRAFT_VERSION));

/** What a write answers when it cannot be done; routes map `not_found` → 404 and `conflict` → 409. */
export type TemplateWriteResult<T> =
  { ok: true; value: T } | { ok: false; reason: "not_found" | "conflict"; message: string };

/** One line of the office's template list. */
export type TemplateOverview = {
  code: string;
  /** Title, domain and item count of the newest version, or of the draft when nothing is published yet. */
  title: string;
  domain: TemplateDomain;
  itemCount: number;
  /** The newest version and its status; null for a template that exists only as a draft. */
  latest: { version: number; status: TemplateStatus } | null;
  hasDraft: boolean;
};

async function getDraft(db: Executor, code: string): Promise<TemplateInput | null> {
  const [row] = await db.select().from(templates).where(draftOf(code));
  return row ? rowToDraft(row) : null;
}

async function listVersions(db: Executor, code: string): Promise<Template[]> {
  const rows = await db
    .select()
    .from(templates)
    .where(versionsOf(code))
    .orderBy(desc(templates.version));
  return rows.map(rowToTemplate);
}

/** Runs `write` in a transaction holding the change-counter lock, as every write of a change_seq row must. */
function inWriteTransaction<T>(db: Executor, write: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await lockChangeSeq(tx);
    return write(tx);
  });
}

async function saveDraft(
  db: Executor,
  draft: TemplateInput,
  userId: string | null,
): Promise<TemplateInput> {
  const content = {
    title: draft.title,
    domain: draft.domain,
    description: draft.description,
    items: draft.items,
  };
  const [row] = await inWriteTransaction(db, (tx) =>
    tx
      .insert(templates)
      .values({
        code: draft.code,
        version: DRAFT_VERSION,
        status: "draft",
        createdBy: userId,
        ...content,
      })
      .onConflictDoUpdate({
        target: [templates.code, templates.version],
        set: { ...content, updatedAt: sql`now()` },
      })
      .returning(),
  );
  return rowToDraft(row!);
}

export const templateRepository = {
  /** The newest published version of every template: what new visits may pin. */
  async listPublished(db: Executor): Promise<Template[]> {
    const rows = await db
      .selectDistinctOn([templates.code])
      .from(templates)
      .where(eq(templates.status, "published"))
      .orderBy(asc(templates.code), desc(templates.version));
    return rows.map(rowToTemplate);
  },

  /** Every template code with its newest version and whether a draft is open, for the office list. */
  async listOverview(db: Executor): Promise<TemplateOverview[]> {
    const rows = await db
      .select({
        code: templates.code,
        version: templates.version,
        status: templates.status,
        title: templates.title,
        domain: templates.domain,
        itemCount: sql<number>`jsonb_array_length(${templates.items})`.mapWith(Number),
      })
      .from(templates)
      .orderBy(asc(templates.code), desc(templates.version));
    const byCode = new Map<string, TemplateOverview>();
    for (const row of rows) {
      const isDraft = row.version === DRAFT_VERSION;
      const known = byCode.get(row.code);
      if (known) {
        // Rows come newest first and the draft (version 0) last: it only adds its badge.
        known.hasDraft ||= isDraft;
        continue;
      }
      const base = templateSchema.pick({ title: true, domain: true, status: true }).parse(row);
      byCode.set(row.code, {
        code: row.code,
        title: base.title,
        domain: base.domain,
        itemCount: row.itemCount,
        latest: isDraft ? null : { version: row.version, status: base.status },
        hasDraft: isDraft,
      });
    }
    // The library's own order (safety first), not the alphabet of the codes.
    const rank = (o: TemplateOverview) => TEMPLATE_DOMAINS.indexOf(o.domain);
    return [...byCode.values()].sort((a, b) => rank(a) - rank(b) || a.code.localeCompare(b.code));
  },

  /** Published and retired versions of one code, newest first (drafts are not versions). */
  listVersions,

  /** One published or retired version, exactly as it was published; never a draft. */
  async get(db: Executor, code: string, version: number): Promise<Template | null> {
    if (version <= DRAFT_VERSION) return null;
    const [row] = await db
      .select()
      .from(templates)
      .where(and(eq(templates.code, code), eq(templates.version, version)));
    return row ? rowToTemplate(row) : null;
  },

  getDraft,

  /** Creates or replaces the code's draft. */
  saveDraft,

  /**
   * Opens a draft: the existing one, else one from `from`, else a copy of the newest version.
   * A `from` while a draft is open is refused rather than overwriting someone's unpublished edits.
   */
  async startDraft(
    db: Executor,
    code: string,
    from: TemplateInput | null,
    userId: string | null,
  ): Promise<TemplateWriteResult<{ draft: TemplateInput; isNew: boolean }>> {
    const existing = await getDraft(db, code);
    if (existing && from) {
      return { ok: false, reason: "conflict", message: "该模板已有未发布的草稿，请在草稿上修改" };
    }
    if (existing) return { ok: true, value: { draft: existing, isNew: false } };
    const [newest] = await listVersions(db, code);
    const source = from ?? newest;
    if (!source) return { ok: false, reason: "not_found", message: `找不到检查表 ${code}` };
    const { title, domain, description, items } = source;
    const draft = await saveDraft(db, { code, title, domain, description, items }, userId);
    return { ok: true, value: { draft, isNew: true } };
  },

  /**
   * Saves an imported template as its code's draft — an open draft is replaced, as the import is
   * the office's explicit choice — and says whether the code is a new template.
   */
  async importDraft(
    db: Executor,
    input: TemplateInput,
    userId: string | null,
  ): Promise<{ draft: TemplateInput; isNewTemplate: boolean; replacedDraft: boolean }> {
    return inWriteTransaction(db, async (tx) => {
      const [replaced, versions] = [
        await getDraft(tx, input.code),
        await listVersions(tx, input.code),
      ];
      const draft = await saveDraft(tx, input, userId);
      return { draft, isNewTemplate: versions.length === 0, replacedDraft: replaced !== null };
    });
  },

  /**
   * Publishes the code's draft as a new immutable version and closes the draft, in one transaction.
   * A concurrent publish that took the same version number loses on the primary key: a conflict.
   */
  async publish(
    db: Executor,
    code: string,
    { now, userId }: { now: number; userId: string | null },
  ): Promise<TemplateWriteResult<Template>> {
    try {
      return await inWriteTransaction(db, async (tx): Promise<TemplateWriteResult<Template>> => {
        const draft = await getDraft(tx, code);
        if (!draft)
          return { ok: false, reason: "not_found", message: `检查表 ${code} 没有待发布的草稿` };
        const result = publishTemplate(draft, await listVersions(tx, code), now);
        if (!result.ok) return { ok: false, reason: "conflict", message: result.error };
        await tx.insert(templates).values(templateToRow(result.template, userId));
        await tx.delete(templates).where(draftOf(code));
        return { ok: true, value: result.template };
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      return {
        ok: false,
        reason: "conflict",
        message: "其他人刚刚发布了该模板的新版本，请刷新后再试",
      };
    }
  },

  /**
   * Publishes a template as version 1 when its code has no version yet (built-in library seeding);
   * false when it already has one, so seeding twice — or from two starting instances — adds nothing.
   */
  async publishFirstVersion(db: Executor, input: TemplateInput, now: number): Promise<boolean> {
    return inWriteTransaction(db, async (tx) => {
      const [existing] = await tx
        .select({ version: templates.version })
        .from(templates)
        .where(versionsOf(input.code))
        .limit(1);
      if (existing) return false;
      const result = publishTemplate(input, [], now);
      if (!result.ok) throw new Error(result.error);
      const inserted = await tx
        .insert(templates)
        .values(templateToRow(result.template, null))
        .onConflictDoNothing()
        .returning({ version: templates.version });
      return inserted.length > 0;
    });
  },

  /** Stops offering a published version to new visits; the row is otherwise untouched. */
  async retire(
    db: Executor,
    code: string,
    version: number,
  ): Promise<TemplateWriteResult<Template>> {
    return inWriteTransaction(db, async (tx): Promise<TemplateWriteResult<Template>> => {
      const [row] = await tx
        .select()
        .from(templates)
        .where(and(versionsOf(code), eq(templates.version, version)))
        .for("update");
      if (!row)
        return { ok: false, reason: "not_found", message: `找不到检查表 ${code} 第 ${version} 版` };
      const result = retireTemplate(rowToTemplate(row));
      if (!result.ok) return { ok: false, reason: "conflict", message: result.error };
      await tx
        .update(templates)
        // A new change number, so phones pulling by cursor learn that the version is retired.
        .set({
          status: result.template.status,
          updatedAt: sql`now()`,
          changeSeq: sql`nextval('change_seq')`,
        })
        .where(and(eq(templates.code, code), eq(templates.version, version)));
      return { ok: true, value: result.template };
    });
  },
};
