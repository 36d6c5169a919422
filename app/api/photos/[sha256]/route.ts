import { syncContracts } from "@/lib/contracts/sync";
import { MAX_PHOTO_BYTES, PHOTO_MIME_TYPES, photoIdSchema } from "@/lib/domain/photo/photo.schema";
import { done, refused } from "@/lib/domain/refusal";
import { contractRoute, signedIn } from "@/lib/server/contract-route";
import { getDb } from "@/lib/server/db/client";
import { PHOTO_TOO_LARGE, photoResponse, storePhoto } from "@/lib/server/photos/store-photo";
import { readBodyWithin } from "@/lib/server/read-body";

export const dynamic = "force-dynamic";

/**
 * Upload: the body is the image bytes; the address is their SHA-256. The Content-Type must be one of
 * the image types, but the stored type is what the decoded bytes are. 201 stored, 200 already there.
 */
export const PUT = contractRoute(
  syncContracts.putPhoto,
  signedIn(undefined, { bodyTypes: PHOTO_MIME_TYPES }),
  async ({ request, caller: { user }, params }) => {
    const id = photoIdSchema.safeParse(params.sha256);
    if (!id.success) return refused("invalid_input", id.error.issues[0]?.message ?? "照片编号无效");
    const body = await readBodyWithin(request, MAX_PHOTO_BYTES);
    if (!body.ok) return PHOTO_TOO_LARGE;
    const result = await storePhoto(getDb(), user, id.data, body.bytes);
    return result.ok ? { ...done(result.photo), status: result.status } : result;
  },
);

/** The image itself. Its bytes can never change under this address, so browsers may keep it for good. */
export const GET = contractRoute(syncContracts.photo, signedIn(), ({ caller: { user }, params }) =>
  photoResponse(getDb(), user, params.sha256, "photo"),
);
