/**
 * What the school routes that come in pairs share: import and its preview (auth, district, bounded
 * body, answer), deactivate and reactivate.
 */
import "server-only";

import type { schoolContracts } from "@/lib/contracts/schools";
import { done, refused } from "@/lib/domain/refusal";
import { systemClock } from "@/lib/utils/clock";

import { contractRoute, signedIn } from "../contract-route";
import { getDb } from "../db/client";
import { readBodyWithin } from "../read-body";
import {
  districtToManage,
  importSchools,
  schoolAnswer,
  schoolRefused,
  setSchoolActive,
} from "./schools";
import { OFFICE } from "../rectification/http";

/** 5,000 schools are well under 2 MB as .xlsx or CSV. */
const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

/**
 * Import and its preview: the raw file is the request body (within 10 MB); an admin names the
 * district as `?districtId=`. A file with errors is refused with every error by row and column.
 */
export function schoolImportRoute(
  spec: (typeof schoolContracts)["importFile" | "importPreview"],
  commit: boolean,
) {
  const office = signedIn(OFFICE, { bodyTypes: SPREADSHEET_TYPES });
  return contractRoute(spec, office, async ({ request, caller: { user }, query }) => {
    const db = getDb();
    const target = await districtToManage(db, user, query.districtId);
    if ("refusal" in target) return schoolRefused(target.refusal);
    const body = await readBodyWithin(request, MAX_IMPORT_BYTES);
    if (!body.ok) return refused("too_large", "文件过大（最大 10 MB）");
    const result = await importSchools(db, user, target.districtId, body.bytes, {
      commit,
      now: systemClock.now(),
    });
    if (result.ok) return done(result);
    return { ...refused("invalid_input", result.message), rows: result.errors };
  });
}

/**
 * What a browser labels an uploaded .xlsx or .csv (Windows calls CSV an Excel file; an unknown file
 * is octet-stream). None is a type another site can post without CORS, so the origin check holds.
 */
const SPREADSHEET_TYPES = [
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/vnd.ms-excel",
  "text/csv",
  "application/octet-stream",
] as const;

/** 停用 / 重新启用: a deactivated school leaves packs and new visits; its history stays. */
export function schoolActiveRoute(
  spec: (typeof schoolContracts)["deactivate" | "reactivate"],
  isActive: boolean,
) {
  return contractRoute(spec, signedIn(OFFICE), async ({ caller, params }) =>
    schoolAnswer(await setSchoolActive(getDb(), caller.user, params.id, isActive)),
  );
}
