/** The office's school register (/api/org/schools). */
import { z } from "zod";

import { idSchema } from "@/lib/domain/ids";
import { schoolSchema } from "@/lib/domain/org/org.schema";
import {
  createSchoolRequestSchema,
  schoolImportedSchema,
  schoolListQuerySchema,
  schoolListResponseSchema,
  schoolPatchRequestSchema,
} from "@/lib/domain/org/school-api";

import { contract } from "./contract";

const schoolPath = "/api/org/schools/:id";
/**
 * An import's body is the .xlsx or CSV file itself, sent with its own type; a file with errors is
 * refused (422 invalid_input) with every error by row and column (the error body's `rows`), and
 * nothing is written. An admin names the district.
 */
const importFile = {
  body: "file",
  query: z.object({ districtId: idSchema.optional() }),
  response: schoolImportedSchema,
} as const;

export const schoolContracts = {
  list: contract({
    method: "GET",
    path: "/api/org/schools",
    query: schoolListQuerySchema,
    response: schoolListResponseSchema,
  }),
  create: contract({
    method: "POST",
    path: "/api/org/schools",
    body: createSchoolRequestSchema,
    response: schoolSchema,
    status: 201,
  }),
  get: contract({ method: "GET", path: schoolPath, response: schoolSchema }),
  /** The fields sent replace the stored ones; the result must be a valid school. */
  update: contract({
    method: "PATCH",
    path: schoolPath,
    body: schoolPatchRequestSchema,
    response: schoolSchema,
  }),
  deactivate: contract({
    method: "POST",
    path: `${schoolPath}/deactivate`,
    response: schoolSchema,
  }),
  /** The import template (.xlsx): Chinese headers, one filled example row, the allowed values. */
  importTemplate: contract({
    method: "GET",
    path: "/api/org/schools/import/template",
    response: "file",
  }),
  importPreview: contract({
    method: "POST",
    path: "/api/org/schools/import/preview",
    ...importFile,
  }),
  importFile: contract({
    method: "POST",
    path: "/api/org/schools/import",
    ...importFile,
    status: 201,
  }),
  reactivate: contract({
    method: "POST",
    path: `${schoolPath}/reactivate`,
    response: schoolSchema,
  }),
  /** Every school the caller's office reads (its district; a 市级督导室 its city's), unpaged. */
  inScope: contract({
    method: "GET",
    path: "/api/office/schools",
    response: z.object({ schools: z.array(schoolSchema) }),
  }),
};
