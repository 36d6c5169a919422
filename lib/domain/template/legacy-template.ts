/**
 * Templates stored before issue #9 (published versions in the database, visit packs on phones,
 * exported files) had `basis` as free text and no finding, requirement, provenance or frameworks.
 * They are immutable, so they are upgraded on read, before parsing.
 */

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The 《…》 titles of an old free-text basis; article numbers are not carried over unverified. */
function citationsOf(basis: string) {
  return [...basis.matchAll(/《([^》]{2,80})》/gu)].map((match) => ({
    title: match[1] ?? "",
    status: "现行有效" as const,
  }));
}

/** One old item in the current shape; items already in it are returned as they are. */
function upgradeLegacyItem(raw: unknown): unknown {
  if (!isRecord(raw) || typeof raw.basis !== "string") return raw;
  // The finding must fit its 200 characters; an old prompt could use all of them.
  const statement =
    typeof raw.prompt === "string" ? raw.prompt.replace("是否", "").slice(0, 190) : "";
  return {
    ...raw,
    finding: `未做到：${statement}`,
    requirement: `做到：${statement}`,
    basis: citationsOf(raw.basis),
    provenance: `原检查依据：${raw.basis}`,
    frameworks: [],
  };
}

/** A template's items, any of which may be of the old shape. */
export function upgradeLegacyItems(items: unknown): unknown {
  return Array.isArray(items) ? items.map(upgradeLegacyItem) : items;
}

/** A stored or exported template whose items may be of the old shape. */
export function upgradeLegacyTemplate(raw: unknown): unknown {
  return isRecord(raw) ? { ...raw, items: upgradeLegacyItems(raw.items) } : raw;
}
