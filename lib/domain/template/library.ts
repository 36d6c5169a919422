/**
 * Who owns a template and what a district may do with it (issue #8): the built-in library is a
 * read-only national library (owner = none); a district adopts national templates at a pinned
 * version, forks them into copies of its own, and manages only its own. Pure: no clock, no storage.
 */
import { z } from "zod";

import {
  type Template,
  type TemplateDomain,
  type TemplateRef,
  type TemplateStatus,
  templateStatusSchema,
  templateVersionSchema,
} from "./template.schema";
import { latestPublished } from "./versioning";
import type { Role } from "../org/org.schema";

/** The district that owns a template; null = the national library. */
export type TemplateOwner = string | null;

/** One line of the office's template list. */
export type TemplateOverview = {
  code: string;
  owner: TemplateOwner;
  /** For a national template: the version the viewing district adopted; null = not adopted. */
  adoptedVersion: number | null;
  /** The newest published version (what new visits of its owner get); null when none is. */
  currentVersion: number | null;
  /** Title, domain and item count of the newest version, or of the draft when nothing is published yet. */
  title: string;
  domain: TemplateDomain;
  itemCount: number;
  /** The newest version and its status; null for a template that exists only as a draft. */
  latest: { version: number; status: TemplateStatus } | null;
  hasDraft: boolean;
};

/**
 * The office's two lists: 本区清单 — the district's own templates and the national ones it
 * adopted — and 国家库, the national templates it may still adopt.
 */
export function libraryGroups<T extends Pick<TemplateOverview, "owner" | "adoptedVersion">>(
  entries: readonly T[],
  districtId: string,
): { district: T[]; national: T[] } {
  const inDistrict = (e: T) =>
    e.owner === districtId || (e.owner === null && e.adoptedVersion !== null);
  return {
    district: entries.filter(inDistrict),
    national: entries.filter((e) => e.owner === null && !inDistrict(e)),
  };
}

/** What a user may do with one template: edit, publish and retire it; read it; or not see it at all. */
export type TemplateRight = "manage" | "read" | "none";

/**
 * Admin manages the national library and every district's; an office manages its own district's
 * templates and reads the national ones; an inspector reads both. Another district's are invisible.
 */
export function templateRight(
  viewer: { role: Role; districtId: string | null },
  owner: TemplateOwner,
): TemplateRight {
  if (viewer.role === "admin") return "manage";
  if (viewer.role === "school") return "none";
  if (owner === null) return "read";
  if (owner !== viewer.districtId) return "none";
  return viewer.role === "office" ? "manage" : "read";
}

/** Why `viewer` may not change a template it can read, in words for the office. */
export function manageRefusal(owner: TemplateOwner): string {
  return owner === null
    ? "国家库的检查表不能直接修改，请采用或复制为本区清单后修改"
    : "只有本区督导室可以修改本区的检查表";
}

/** Where a version stands among its template's versions, as the version list shows it. */
export const VERSION_STANDINGS = ["current", "superseded", "retired"] as const;
export type VersionStanding = (typeof VERSION_STANDINGS)[number];

export const VERSION_STANDING_LABELS: Record<VersionStanding, string> = {
  current: "当前版本",
  superseded: "已被新版本取代",
  retired: "已停用",
};

/** GET /api/templates/{code}/versions: every version, newest first, with where it stands. */
export const versionListSchema = z.object({
  versions: z.array(
    z.object({
      version: templateVersionSchema,
      status: templateStatusSchema,
      standing: z.enum(VERSION_STANDINGS),
      publishedAt: z.number().int().nullable(),
      itemCount: z.number().int().nonnegative(),
    }),
  ),
  /** The version the user's district adopted (national templates); null = not adopted. */
  adoptedVersion: templateVersionSchema.nullable(),
});
export type VersionList = z.infer<typeof versionListSchema>;

/** Each version with where it stands, as the version list shows them. */
export function versionList(
  versions: readonly Template[],
  adoptedVersion: number | null,
): VersionList {
  return {
    versions: versions.map((v) => ({
      version: v.version,
      status: v.status,
      standing: versionStanding(v, versions),
      publishedAt: v.publishedAt,
      itemCount: v.items.length,
    })),
    adoptedVersion,
  };
}

/** The newest published version is current; older published ones are superseded. */
export function versionStanding(
  version: Pick<Template, "version" | "status">,
  versions: readonly Template[],
): VersionStanding {
  if (version.status === "retired") return "retired";
  return latestPublished(versions)?.version === version.version ? "current" : "superseded";
}

/**
 * A district's adoption of a national template: a new adoption or a move must name a published
 * version, and a move only goes forward (a visit pinned to the old one keeps it).
 */
export function adoptionRefusal(
  target: Pick<Template, "code" | "version" | "status">,
  adopted: number | null,
): string | null {
  if (target.status !== "published") return `第 ${target.version} 版已停用，不能采用`;
  if (adopted === target.version) return `本区已采用第 ${target.version} 版`;
  if (adopted !== null && target.version < adopted) {
    return `本区已采用第 ${adopted} 版，不能退回到较早的第 ${target.version} 版`;
  }
  return null;
}

/** A version a visit wants to pin, with what the server knows about it. */
export type PinCandidate = TemplateRef & {
  status: TemplateStatus;
  owner: TemplateOwner;
  /** Epoch ms when the version was retired; null while it is not. */
  retiredAt: number | null;
  /** For a national template: the version the district adopted; null = not adopted. */
  adoptedVersion: number | null;
};

/**
 * Why a visit of `districtId` begun at `pinnedAt` may not pin this version, or null when it may.
 * A district pins its own templates and the national ones it adopted, up to the adopted version
 * (an older one is fine: the phone may not have downloaded the move yet). A retired version is
 * refused — unless it was retired after the visit pinned it, as a phone offline since then could
 * not know; publishing or retiring never breaks a draft already on a phone.
 */
export function pinRefusal(
  candidate: PinCandidate,
  districtId: string,
  pinnedAt: number,
): string | null {
  const { code, version } = candidate;
  if (candidate.owner !== null && candidate.owner !== districtId) {
    return `检查表 ${code} 不属于本区`;
  }
  if (
    candidate.owner === null &&
    (candidate.adoptedVersion === null || version > candidate.adoptedVersion)
  ) {
    return `本区尚未采用检查表 ${code} 第 ${version} 版`;
  }
  if (candidate.status === "draft") return `检查表 ${code} 第 ${version} 版尚未发布`;
  if (
    candidate.status === "retired" &&
    (candidate.retiredAt === null || candidate.retiredAt <= pinnedAt)
  ) {
    return `检查表 ${code} 第 ${version} 版已停用，请重新下载检查包后再开始检查`;
  }
  return null;
}

/**
 * The code of a district's copy of a template: the source code with the district's code as a
 * suffix, kept within the 40 characters a template code may have.
 */
export function forkCode(sourceCode: string, districtCode: string): string {
  const slug =
    districtCode
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "") || "local";
  const suffix = `-${slug}`.slice(0, 20);
  return `${sourceCode.slice(0, 40 - suffix.length).replace(/-+$/, "")}${suffix}`;
}

/** POST /api/templates/{code}/adoption: the national version to adopt; absent = the newest. */
export const adoptionRequestSchema = z.object({ version: templateVersionSchema.optional() });
export type AdoptionRequest = z.infer<typeof adoptionRequestSchema>;

/** POST /api/templates/{code}/fork: the national version the district's copy starts from. */
export const forkRequestSchema = z.object({ version: templateVersionSchema });
export type ForkRequest = z.infer<typeof forkRequestSchema>;

export { offeredForNewVisits } from "./offered";
