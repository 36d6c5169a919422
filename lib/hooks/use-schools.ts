"use client";

import { type School, type SchoolInput, schoolSchema } from "@/lib/domain/org/org.schema";
import { type SchoolImportResponse, schoolImportResponseSchema } from "@/lib/domain/org/school-api";
import type { Refusal } from "@/lib/domain/refusal";

import { errorBodyOf, NETWORK_UNAVAILABLE, send } from "./api-client";

/**
 * The office's school register calls: the only place the school pages talk to /api/org/schools.
 * A refusal keeps the server's Chinese message and, for 422, the message per field.
 */
export type SchoolApiFailure = Refusal & { fieldErrors: Record<string, string> };
export type SchoolApiResult<T> = { ok: true; data: T } | ({ ok: false } & SchoolApiFailure);

async function schoolCall(path: string, init: RequestInit): Promise<SchoolApiResult<School>> {
  const response = await send(path, { ...init, headers: { "content-type": "application/json" } });
  if (!response) return { ok: false, ...NETWORK_UNAVAILABLE, fieldErrors: {} };
  const body: unknown = await response.json().catch(() => null);
  const school = schoolSchema.safeParse(body);
  if (response.ok && school.success) return { ok: true, data: school.data };
  const failure = errorBodyOf(response.status, body);
  const fieldErrors: Record<string, string> = {};
  for (const issue of failure.issues ?? []) {
    const field = String(issue.path[0] ?? "");
    fieldErrors[field] ??= issue.message;
  }
  return { ok: false, code: failure.error, message: failure.message, fieldErrors };
}

const withDistrict = (path: string, districtId: string | null) =>
  districtId ? `${path}?districtId=${encodeURIComponent(districtId)}` : path;

export const schoolApi = {
  create(input: SchoolInput, districtId: string | null): Promise<SchoolApiResult<School>> {
    return schoolCall("/api/org/schools", {
      method: "POST",
      body: JSON.stringify({ ...input, ...(districtId ? { districtId } : {}) }),
    });
  },

  update(id: string, input: SchoolInput): Promise<SchoolApiResult<School>> {
    return schoolCall(`/api/org/schools/${id}`, { method: "PATCH", body: JSON.stringify(input) });
  },

  setActive(id: string, isActive: boolean): Promise<SchoolApiResult<School>> {
    return schoolCall(`/api/org/schools/${id}/${isActive ? "reactivate" : "deactivate"}`, {
      method: "POST",
    });
  },

  /** Sends the file as is: a preview (nothing written) or the import itself. */
  async importFile(
    file: Blob,
    options: { districtId: string | null; commit: boolean },
  ): Promise<SchoolImportResponse> {
    const path = withDistrict(
      `/api/org/schools/import${options.commit ? "" : "/preview"}`,
      options.districtId,
    );
    // A file the browser cannot type (an empty `type`) goes as octet-stream rather than untyped.
    const response = await send(path, {
      method: "POST",
      body: file,
      headers: { "content-type": file.type || "application/octet-stream" },
    });
    const failure = (message: string): SchoolImportResponse => ({
      ok: false,
      message,
      errors: [{ row: 0, column: null, message }],
    });
    if (!response) return failure(NETWORK_UNAVAILABLE.message);
    const body: unknown = await response.json().catch(() => null);
    const parsed = schoolImportResponseSchema.safeParse(body);
    if (parsed.success) return parsed.data;
    return failure(errorBodyOf(response.status, body).message);
  },
};
