/** The rectification endpoints (/api/rectification/…). */
import { z } from "zod";

import { rectificationActArgsSchema } from "@/lib/domain/mutations";
import { rectificationEventSchema } from "@/lib/domain/rectification/events";
import { rectificationItemSchema } from "@/lib/domain/rectification/rectification.schema";

import { contract } from "./contract";

/**
 * The body of an action posted online: the "rectification.act" mutation's args, less the item (in
 * the path) and the on-site time (the server's own). `expectedVersion` may be left out by a
 * caller that acts on the item as it is now.
 */
export const rectificationActRequestSchema = rectificationActArgsSchema
  .pick({ action: true, expectedVersion: true })
  .partial({ expectedVersion: true });

export const rectificationContracts = {
  act: contract({
    method: "POST",
    path: "/api/rectification/items/:id/actions",
    body: rectificationActRequestSchema,
    response: z.object({ item: rectificationItemSchema, event: rectificationEventSchema }),
  }),
};
