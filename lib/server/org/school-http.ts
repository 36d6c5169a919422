/**
 * What the school routes that come in pairs share: import and its preview (auth, district, bounded
 * body, answer), deactivate and reactivate.
 */
import "server-only";

import type { schoolContracts } from "@/lib/contracts/schools";
import { refusal } from "@/lib/domain/refusal";

import { requireApiUser } from "../auth/session";
import { contractRoute, refusedResponse, signedIn } from "../contract-route";
import { getDb } from "../db/client";
import { readBodyWithin } from "../read-body";
import { refusalResponse } from "../refusal";
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

/** The raw file is the request body; an admin names the district as `?districtId=`. */
export async function handleSchoolImport(request: Request, commit: boolean): Promise<Response> {
  const { user, error } = await requireApiUser(request, OFFICE, { bodyTypes: SPREADSHEET_TYPES });
  if (error) return error;
  const db = getDb();
  const requested = new URL(request.url).searchParams.get("districtId") ?? undefined;
  const target = await districtToManage(db, user, requested);
  if ("refusal" in target) return refusedResponse(schoolRefused(target.refusal));
  const body = await readBodyWithin(request, MAX_IMPORT_BYTES);
  if (!body.ok) return refusalResponse(refusal("too_large", "文件过大（最大 10 MB）"));
  const result = await importSchools(db, target.districtId, body.bytes, commit);
  return Response.json(result, { status: result.ok ? (commit ? 201 : 200) : 422 });
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
