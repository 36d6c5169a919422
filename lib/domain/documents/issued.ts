import { z } from "zod";

import { idSchema } from "../ids";

/** What the server issued for a synced visit: GET /api/visits/{id}/issued. */
export const issuedDocumentsSchema = z.object({
  visitId: idSchema,
  /** The 整改通知书; null when the visit found nothing to rectify. */
  notice: z.object({ id: idSchema, number: z.string() }).nullable(),
});
export type IssuedDocuments = z.infer<typeof issuedDocumentsSchema>;
