"use client";

import { pathOf } from "@/lib/contracts/contract";
import { schoolContracts } from "@/lib/contracts/schools";
import type { SchoolInput } from "@/lib/domain/org/org.schema";
import type { SchoolImportResponse } from "@/lib/domain/org/school-api";

import { call, errorBodyOf, NETWORK_UNAVAILABLE, send } from "./api-client";

/**
 * The office's school register calls: the only place the school pages talk to /api/org/schools.
 * A refusal keeps the server's Chinese message and, for 422, the message per field.
 */
export const schoolApi = {
  create: (input: SchoolInput, districtId: string | null) =>
    call(schoolContracts.create, { body: { ...input, ...(districtId ? { districtId } : {}) } }),

  update: (id: string, input: SchoolInput) =>
    call(schoolContracts.update, { params: { id }, body: input }),

  setActive: (id: string, isActive: boolean) =>
    call(isActive ? schoolContracts.reactivate : schoolContracts.deactivate, { params: { id } }),
  /** Sends the file as is: a preview (nothing written) or the import itself. */
  async importFile(
    file: Blob,
    options: { districtId: string | null; commit: boolean },
  ): Promise<SchoolImportResponse> {
    const contract = options.commit ? schoolContracts.importFile : schoolContracts.importPreview;
    const path = pathOf(contract, { query: { districtId: options.districtId ?? undefined } });
    // A file the browser cannot type (an empty `type`) goes as octet-stream rather than untyped.
    const response = await send(path, {
      method: contract.method,
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
    const parsed = contract.response.safeParse(body);
    if (parsed.success) return parsed.data;
    return failure(errorBodyOf(response.status, body).message);
  },
};
