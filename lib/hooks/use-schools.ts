"use client";

import { schoolContracts } from "@/lib/contracts/schools";
import type { SchoolInput } from "@/lib/domain/org/org.schema";
import type { SchoolPatch } from "@/lib/domain/org/school-api";

import { call } from "./api-client";

/**
 * The office's school register calls: the only place the school pages talk to /api/org/schools.
 * A refusal keeps the server's Chinese message and, for 422, the message per field.
 */
export const schoolApi = {
  create: (input: SchoolInput, districtId: string | null) =>
    call(schoolContracts.create, { body: { ...input, ...(districtId ? { districtId } : {}) } }),

  /** The fields sent replace the stored ones; the zone is moved on its own (orgApi.moveSchool). */
  update: (id: string, fields: SchoolPatch) =>
    call(schoolContracts.update, { params: { id }, body: fields }),

  setActive: (id: string, isActive: boolean) =>
    call(isActive ? schoolContracts.reactivate : schoolContracts.deactivate, { params: { id } }),

  /**
   * Sends the file as is: a preview (nothing written) or the import itself. A file with errors is
   * refused with every error by row and column (the failure's `rows`).
   */
  importFile: (file: Blob, options: { districtId: string | null; commit: boolean }) =>
    call(options.commit ? schoolContracts.importFile : schoolContracts.importPreview, {
      query: { districtId: options.districtId ?? undefined },
      body: file,
    }),
};
