/**
 * The offline app's endpoints: who is signed in, the visit pack, pull and push (lib/sync/protocol.ts
 * describes the protocol) and the content-addressed photos. The phone's transport
 * (lib/sync/transport.ts) calls them; pages link the photos through `photoPath`.
 */
import { z } from "zod";

import { userSchema } from "@/lib/domain/org/org.schema";
import { uploadedPhotoSchema } from "@/lib/domain/photo/photo.schema";
import { visitPackSchema } from "@/lib/domain/visit/visit-pack.schema";
import {
  pullResponseSchema,
  pushRequestEnvelopeSchema,
  pushResponseSchema,
} from "@/lib/sync/protocol";

import { contract, pathOf } from "./contract";
import { ME } from "./session";

const photo = "/api/photos/:sha256";

export const syncContracts = {
  /** Open to a user who must change their password, so the app can see `mustChangePassword`. */
  me: contract({ ...ME, response: z.object({ user: userSchema }) }),
  /** The signed-in inspector's visit pack. */
  pack: contract({ method: "GET", path: "/api/inspect/pack", response: visitPackSchema }),
  /**
   * The changes after `cursor` (absent = from the beginning). Any string is taken: a cursor the
   * server cannot use starts over with `resetRequired`, never a refusal that would stall the phone.
   */
  pull: contract({
    method: "GET",
    path: "/api/sync/pull",
    query: z.object({ cursor: z.string().optional() }),
    response: pullResponseSchema,
  }),
  /**
   * The server parses the envelope; each mutation inside is judged on its own, so one bad mutation
   * is a rejected result, not a failed batch.
   */
  push: contract({
    method: "POST",
    path: "/api/sync/push",
    body: pushRequestEnvelopeSchema,
    response: pushResponseSchema,
  }),
  /**
   * The image bytes with their type (one of PHOTO_MIME_TYPES), at the address of their SHA-256:
   * 201 stored, 200 already there.
   */
  putPhoto: contract({ method: "PUT", path: photo, body: "file", response: uploadedPhotoSchema }),
  /** The image itself; its bytes never change under this address. */
  photo: contract({ method: "GET", path: photo, response: "file" }),
  /** A small JPEG of the photo for pages that list photos; same access rule as the photo. */
  photoThumbnail: contract({ method: "GET", path: `${photo}/thumbnail`, response: "file" }),
};

/** Where pages show a photo (≤ 1600 px) and its thumbnail. */
export const photoPath = (sha256: string) => pathOf(syncContracts.photo, { params: { sha256 } });
export const photoThumbnailPath = (sha256: string) =>
  pathOf(syncContracts.photoThumbnail, { params: { sha256 } });
