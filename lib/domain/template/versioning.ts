import { type Refused, refused } from "../refusal";
import {
  ITEM_FIELD_LABELS,
  type Template,
  type TemplateInput,
  type TemplateItem,
  type TemplateRef,
} from "./template.schema";

export type VersioningResult = { ok: true; template: Template } | Refused;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Structural equality of JSON-like values; an absent key equals `undefined` (optional `weight`). */
function isDeepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((value, i) => isDeepEqual(value, b[i]));
  }
  if (!isRecord(a) || !isRecord(b)) return false;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((key) => isDeepEqual(a[key], b[key]));
}

/** Same title, domain, description and items in the same order: nothing a visit would notice. */
function hasSameContent(a: TemplateInput, b: TemplateInput): boolean {
  return (
    a.code === b.code &&
    a.title === b.title &&
    a.domain === b.domain &&
    a.description === b.description &&
    isDeepEqual(a.items, b.items)
  );
}

/** The newest published version (retired and draft versions are not offered for new visits). */
export function latestPublished(versions: readonly Template[]): Template | undefined {
  return versions
    .filter((v) => v.status === "published")
    .reduce<Template | undefined>(
      (latest, v) => (!latest || v.version > latest.version ? v : latest),
      undefined,
    );
}

/**
 * Publishes a draft as a new immutable version: one above the highest published or retired version
 * of its code (stored drafts hold no version number of their own). `existingVersions` may hold
 * other codes; they are ignored.
 *
 * Refuses a draft identical to the latest published version: a copy would move every new visit
 * to a "new" version and make phones download it, for no change at all.
 */
export function publishTemplate(
  draft: TemplateInput,
  existingVersions: readonly Template[],
  now: number,
): VersioningResult {
  const versions = existingVersions.filter((v) => v.code === draft.code && v.status !== "draft");
  const latest = latestPublished(versions);
  if (latest && hasSameContent(draft, latest)) {
    return refused("conflict", `内容与已发布的第 ${latest.version} 版相同，无需发布新版本`);
  }
  const version = Math.max(0, ...versions.map((v) => v.version)) + 1;
  return {
    ok: true,
    template: {
      code: draft.code,
      title: draft.title,
      domain: draft.domain,
      description: draft.description,
      items: draft.items,
      version,
      status: "published",
      publishedAt: now,
    },
  };
}

/** Stops offering a published version to new visits; visits pinned to it keep it. */
export function retireTemplate(template: Template): VersioningResult {
  if (template.status !== "published") return refused("conflict", "只有已发布的版本可以停用");
  return { ok: true, template: { ...template, status: "retired" } };
}

/**
 * Exactly the version a visit pinned — never a newer one, so a visit started on v1 keeps v1.
 * Retired versions still resolve; drafts never do.
 */
export function resolvePinned(templates: readonly Template[], ref: TemplateRef): VersioningResult {
  const template = templates.find((t) => t.code === ref.code && t.version === ref.version);
  if (!template) return refused("not_found", `找不到检查表 ${ref.code} 第 ${ref.version} 版`);
  if (template.status === "draft") {
    return refused("not_found", `检查表 ${ref.code} 第 ${ref.version} 版尚未发布`);
  }
  return { ok: true, template };
}

export type ItemChange = {
  code: string;
  before: TemplateItem;
  after: TemplateItem;
  /** Changed fields, named by ITEM_FIELD_LABELS keys. */
  fields: (keyof TemplateItem)[];
};

export type TemplateDiff = {
  added: TemplateItem[];
  removed: TemplateItem[];
  changed: ItemChange[];
};

// ITEM_FIELD_LABELS is typed over every item field, so this list cannot miss one.
const ITEM_FIELDS = Object.keys(ITEM_FIELD_LABELS) as (keyof TemplateItem)[];

/** Items added, removed and changed between two versions, matched by their stable code. */
export function templateDiff(before: TemplateInput, after: TemplateInput): TemplateDiff {
  const beforeByCode = new Map(before.items.map((item) => [item.code, item]));
  const afterCodes = new Set(after.items.map((item) => item.code));
  const changed = after.items.flatMap((item): ItemChange[] => {
    const old = beforeByCode.get(item.code);
    if (!old) return [];
    const fields = ITEM_FIELDS.filter((field) => !isDeepEqual(old[field], item[field]));
    return fields.length === 0 ? [] : [{ code: item.code, before: old, after: item, fields }];
  });
  return {
    added: after.items.filter((item) => !beforeByCode.has(item.code)),
    removed: before.items.filter((item) => !afterCodes.has(item.code)),
    changed,
  };
}
