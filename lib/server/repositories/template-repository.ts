/**
 * Checklist templates in PostgreSQL: published versions (immutable rows; only status may turn to
 * retired) and at most one draft per code. Version numbers come from the pure publishTemplate; the
 * table's primary key (code, version) is what stops two concurrent publishes from sharing one.
 * Every write holds the change-counter lock (db/change-seq.ts), as rows carry a change_seq.
 * A code is national (district_id null) or one district's; districts adopt national codes at a
 * version (district_templates). Who may do what is decided by the caller (auth/scope.ts).
 */
import "server-only";

import { and, asc, desc, eq, gt, inArray, isNull, or, sql } from "drizzle-orm";

import type { Refused } from "@/lib/domain/refusal";
import { upgradeLegacyItems } from "@/lib/domain/template/legacy-template";
import {
  adoptionRefusal,
  forkCode,
  type PinCandidate,
  type TemplateOverview,
  type TemplateOwner,
} from "@/lib/domain/template/library";
import {
  TEMPLATE_DOMAINS,
  type Template,
  type TemplateInput,
  templateInputSchema,
  type TemplateRef,
  templateRefSchema,
  templateSchema,
} from "@/lib/domain/template/template.schema";
import { latestPublished, publishTemplate, retireTemplate } from "@/lib/domain/template/versioning";

import { lockChangeSeq } from "../db/change-seq";
import type { Executor, Tx } from "../db/client";
import { districts, districtTemplates, templates } from "../db/schema";

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

function templateToRow(
  template: Template,
  userId: string | null,
  owner: TemplateOwner,
): typeof templates.$inferInsert {
  return {
    districtId: owner,
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

/** What a write answers: the value, or a `not_found` / `conflict` refusal. */
export type TemplateWriteResult<T> =
  { ok: true; value: T } | (Refused & { code: "not_found" | "conflict" });

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

/** The owner of `code` and the national version it was copied from; null when the code is unknown. */
async function ownerOf(
  db: Executor,
  code: string,
): Promise<{ owner: TemplateOwner; forkedFrom: TemplateRef | null } | null> {
  const [row] = await db
    .select({ owner: templates.districtId, forkedFrom: templates.forkedFrom })
    .from(templates)
    .where(eq(templates.code, code))
    .limit(1);
  if (!row) return null;
  const forkedFrom = row.forkedFrom === null ? null : templateRefSchema.parse(row.forkedFrom);
  return { owner: row.owner, forkedFrom };
}

/** The version `districtId` adopted of the national `code`; null when it did not adopt it. */
async function adoptedVersion(
  db: Executor,
  districtId: string,
  code: string,
): Promise<number | null> {
  const [row] = await db
    .select({ version: districtTemplates.version })
    .from(districtTemplates)
    .where(and(eq(districtTemplates.districtId, districtId), eq(districtTemplates.code, code)));
  return row?.version ?? null;
}

/**
 * Creates or replaces the code's draft; a new code is created for `owner`, an existing code keeps
 * its owner (the caller has checked the right to change it).
 */
async function saveDraft(
  db: Executor,
  draft: TemplateInput,
  userId: string | null,
  owner: TemplateOwner,
  forkedFrom: TemplateRef | null = null,
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
        districtId: owner,
        forkedFrom,
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
  /** The newest published version of every national template (the library as admin keeps it). */
  async listPublished(db: Executor): Promise<Template[]> {
    const rows = await db
      .selectDistinctOn([templates.code])
      .from(templates)
      .where(and(eq(templates.status, "published"), isNull(templates.districtId)))
      .orderBy(asc(templates.code), desc(templates.version));
    return rows.map(rowToTemplate);
  },

  /**
   * What a new visit in the district may pin: the adopted version of each national template it
   * adopted (unless that version was retired since), and the newest published version of its own.
   */
  async listOffered(db: Executor, districtId: string): Promise<Template[]> {
    const adopted = await db
      .select({ template: templates })
      .from(districtTemplates)
      .innerJoin(
        templates,
        and(
          eq(templates.code, districtTemplates.code),
          eq(templates.version, districtTemplates.version),
        ),
      )
      .where(and(eq(districtTemplates.districtId, districtId), eq(templates.status, "published")));
    const own = await db
      .selectDistinctOn([templates.code])
      .from(templates)
      .where(and(eq(templates.status, "published"), eq(templates.districtId, districtId)))
      .orderBy(asc(templates.code), desc(templates.version));
    return [...adopted.map((r) => r.template), ...own].map(rowToTemplate);
  },

  /**
   * The templates a viewer works with, each with its newest version and whether a draft is open:
   * the national library and, for a district, its own templates and which versions it adopted.
   */
  async listOverview(db: Executor, districtId: string | null): Promise<TemplateOverview[]> {
    const rows = await db
      .select({
        code: templates.code,
        version: templates.version,
        status: templates.status,
        title: templates.title,
        domain: templates.domain,
        owner: templates.districtId,
        itemCount: sql<number>`jsonb_array_length(${templates.items})`.mapWith(Number),
      })
      .from(templates)
      .where(
        districtId === null
          ? isNull(templates.districtId)
          : or(isNull(templates.districtId), eq(templates.districtId, districtId)),
      )
      .orderBy(asc(templates.code), desc(templates.version));
    const adoptions =
      districtId === null
        ? []
        : await db
            .select({ code: districtTemplates.code, version: districtTemplates.version })
            .from(districtTemplates)
            .where(eq(districtTemplates.districtId, districtId));
    const adopted = new Map(adoptions.map((a) => [a.code, a.version]));
    const byCode = new Map<string, TemplateOverview>();
    for (const row of rows) {
      const isDraft = row.version === DRAFT_VERSION;
      const base = templateSchema.pick({ title: true, domain: true, status: true }).parse(row);
      const known = byCode.get(row.code);
      if (known) {
        // Rows come newest first and the draft (version 0) last: they add the current version and the badge.
        if (known.currentVersion === null && base.status === "published" && !isDraft)
          known.currentVersion = row.version;
        known.hasDraft ||= isDraft;
        continue;
      }
      byCode.set(row.code, {
        code: row.code,
        owner: row.owner,
        adoptedVersion: adopted.get(row.code) ?? null,
        currentVersion: !isDraft && base.status === "published" ? row.version : null,
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

  ownerOf,

  adoptedVersion,

  saveDraft,

  /**
   * Opens a draft: the existing one, else one from `from`, else a copy of the newest version.
   * A `from` while a draft is open is refused rather than overwriting someone's unpublished edits.
   */
  async startDraft(
    db: Executor,
    code: string,
    from: TemplateInput | null,
    { userId, owner }: { userId: string | null; owner: TemplateOwner },
  ): Promise<TemplateWriteResult<{ draft: TemplateInput; isNew: boolean }>> {
    const existing = await getDraft(db, code);
    if (existing && from) {
      return { ok: false, code: "conflict", message: "该模板已有未发布的草稿，请在草稿上修改" };
    }
    if (existing) return { ok: true, value: { draft: existing, isNew: false } };
    const [newest] = await listVersions(db, code);
    const source = from ?? newest;
    if (!source) return { ok: false, code: "not_found", message: `找不到检查表 ${code}` };
    const { title, domain, description, items } = source;
    const draft = await saveDraft(db, { code, title, domain, description, items }, userId, owner);
    return { ok: true, value: { draft, isNew: true } };
  },

  /**
   * Saves an imported template as its code's draft — an open draft is replaced, as the import is
   * the office's explicit choice — and says whether the code is a new template.
   */
  async importDraft(
    db: Executor,
    input: TemplateInput,
    { userId, owner }: { userId: string | null; owner: TemplateOwner },
  ): Promise<{ draft: TemplateInput; isNewTemplate: boolean; replacedDraft: boolean }> {
    return inWriteTransaction(db, async (tx) => {
      const [replaced, versions] = [
        await getDraft(tx, input.code),
        await listVersions(tx, input.code),
      ];
      const draft = await saveDraft(tx, input, userId, owner);
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
        const [row] = await tx.select().from(templates).where(draftOf(code));
        if (!row)
          return { ok: false, code: "not_found", message: `检查表 ${code} 没有待发布的草稿` };
        const result = publishTemplate(rowToDraft(row), await listVersions(tx, code), now);
        if (!result.ok) return { ok: false, code: "conflict", message: result.message };
        await tx.insert(templates).values({
          ...templateToRow(result.template, userId, row.districtId),
          forkedFrom: row.forkedFrom,
        });
        await tx.delete(templates).where(draftOf(code));
        return { ok: true, value: result.template };
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      return {
        ok: false,
        code: "conflict",
        message: "其他人刚刚发布了该模板的新版本，请刷新后再试",
      };
    }
  },

  /**
   * Publishes a national template as version 1 when its code has no version yet (built-in library seeding);
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
      if (!result.ok) throw new Error(result.message);
      const inserted = await tx
        .insert(templates)
        .values(templateToRow(result.template, null, null))
        .onConflictDoNothing()
        .returning({ version: templates.version });
      return inserted.length > 0;
    });
  },

  /** Stops offering a published version to new visits at `now`; the row is otherwise untouched. */
  async retire(
    db: Executor,
    code: string,
    version: number,
    now: number,
  ): Promise<TemplateWriteResult<Template>> {
    return inWriteTransaction(db, async (tx): Promise<TemplateWriteResult<Template>> => {
      const [row] = await tx
        .select()
        .from(templates)
        .where(and(versionsOf(code), eq(templates.version, version)))
        .for("update");
      if (!row)
        return { ok: false, code: "not_found", message: `找不到检查表 ${code} 第 ${version} 版` };
      const result = retireTemplate(rowToTemplate(row));
      if (!result.ok) return { ok: false, code: "conflict", message: result.message };
      await tx
        .update(templates)
        // A new change number, so phones pulling by cursor learn that the version is retired.
        .set({
          status: result.template.status,
          retiredAt: new Date(now),
          updatedAt: sql`now()`,
          changeSeq: sql`nextval('change_seq')`,
        })
        .where(and(eq(templates.code, code), eq(templates.version, version)));
      return { ok: true, value: result.template };
    });
  },

  /**
   * Adopts a national template for the district at `version` (null = its newest published version),
   * or moves the district's adoption forward to it. Visits already pinned keep what they pinned.
   */
  async adopt(
    db: Executor,
    districtId: string,
    code: string,
    version: number | null,
    { now, userId }: { now: number; userId: string | null },
  ): Promise<TemplateWriteResult<{ code: string; version: number }>> {
    return db.transaction(async (tx) => {
      // Locks the district's adoption row, so two moves of one adoption are judged one after the other.
      const [current] = await tx
        .select({ version: districtTemplates.version })
        .from(districtTemplates)
        .where(and(eq(districtTemplates.districtId, districtId), eq(districtTemplates.code, code)))
        .for("update");
      const versions = await listVersions(tx, code);
      const target =
        version === null ? latestPublished(versions) : versions.find((v) => v.version === version);
      if (!target) {
        return {
          ok: false,
          code: "not_found",
          message:
            version === null
              ? `检查表 ${code} 没有可采用的版本`
              : `找不到检查表 ${code} 第 ${version} 版`,
        };
      }
      const refusal = adoptionRefusal(target, current?.version ?? null);
      if (refusal !== null) return { ok: false, code: "conflict", message: refusal };
      const adoption = { version: target.version, adoptedAt: new Date(now), adoptedBy: userId };
      await tx
        .insert(districtTemplates)
        .values({ districtId, code, ...adoption })
        .onConflictDoUpdate({
          target: [districtTemplates.districtId, districtTemplates.code],
          set: adoption,
        });
      return { ok: true, value: { code, version: target.version } };
    });
  },

  /** Stops the district's use of a national template: new visits no longer get it. */
  async withdraw(
    db: Executor,
    districtId: string,
    code: string,
  ): Promise<TemplateWriteResult<{ code: string }>> {
    const deleted = await db
      .delete(districtTemplates)
      .where(and(eq(districtTemplates.districtId, districtId), eq(districtTemplates.code, code)))
      .returning({ code: districtTemplates.code });
    return deleted.length > 0
      ? { ok: true, value: { code } }
      : { ok: false, code: "not_found", message: `本区没有采用检查表 ${code}` };
  },

  /**
   * Copies a national version into a new template of the district (code with the district's code
   * as suffix, title naming the district), as a draft the office edits and publishes as its own.
   */
  async fork(
    db: Executor,
    districtId: string,
    source: TemplateRef,
    userId: string | null,
  ): Promise<TemplateWriteResult<TemplateInput>> {
    return inWriteTransaction(db, async (tx): Promise<TemplateWriteResult<TemplateInput>> => {
      const [district] = await tx
        .select({ code: districts.code, name: districts.name })
        .from(districts)
        .where(eq(districts.id, districtId));
      if (!district) throw new Error(`区县 ${districtId} 不存在`);
      const [row] = await tx
        .select()
        .from(templates)
        .where(and(versionsOf(source.code), eq(templates.version, source.version)));
      if (!row) {
        return {
          ok: false,
          code: "not_found",
          message: `找不到检查表 ${source.code} 第 ${source.version} 版`,
        };
      }
      const code = forkCode(source.code, district.code);
      if (await ownerOf(tx, code)) {
        return {
          ok: false,
          code: "conflict",
          message: `本区已有由该检查表复制的清单（编号 ${code}），请直接修改它`,
        };
      }
      const { title, domain, description, items } = rowToTemplate(row);
      const suffix = `（${district.name}）`;
      const draft = await saveDraft(
        tx,
        {
          code,
          title: `${title.slice(0, 60 - suffix.length)}${suffix}`,
          domain,
          description,
          items,
        },
        userId,
        districtId,
        source,
      );
      return { ok: true, value: draft };
    });
  },

  /** What the server knows of each version `refs` names, for deciding whether a visit may pin it. */
  async pinCandidates(
    db: Executor,
    districtId: string,
    refs: readonly TemplateRef[],
  ): Promise<PinCandidate[]> {
    if (refs.length === 0) return [];
    const codes = [...new Set(refs.map((r) => r.code))];
    const rows = await db
      .select({
        code: templates.code,
        version: templates.version,
        status: templates.status,
        owner: templates.districtId,
        retiredAt: templates.retiredAt,
        adoptedVersion: districtTemplates.version,
      })
      .from(templates)
      .leftJoin(
        districtTemplates,
        and(
          eq(districtTemplates.code, templates.code),
          eq(districtTemplates.districtId, districtId),
        ),
      )
      .where(and(inArray(templates.code, codes), gt(templates.version, DRAFT_VERSION)));
    return rows
      .filter((row) => refs.some((r) => r.code === row.code && r.version === row.version))
      .map((row) => ({
        code: row.code,
        version: row.version,
        status: templateSchema.shape.status.parse(row.status),
        owner: row.owner,
        retiredAt: row.retiredAt?.getTime() ?? null,
        adoptedVersion: row.adoptedVersion,
      }));
  },
};
