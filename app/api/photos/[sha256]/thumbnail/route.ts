import { syncContracts } from "@/lib/contracts/sync";
import { photoIdSchema } from "@/lib/domain/photo/photo.schema";
import { contractRoute, signedIn } from "@/lib/server/contract-route";
import { getDb } from "@/lib/server/db/client";
import { PHOTO_NOT_FOUND, readPhotoThumbnail } from "@/lib/server/photos/store-photo";

export const dynamic = "force-dynamic";

/** A small JPEG of the photo for pages that list photos; same access rule as the photo itself. */
export const GET = contractRoute(
  syncContracts.photoThumbnail,
  signedIn(),
  async ({ caller: { user }, params }) => {
    const id = photoIdSchema.safeParse(params.sha256);
    const result = id.success ? await readPhotoThumbnail(getDb(), user, id.data) : PHOTO_NOT_FOUND;
    if (!result.ok) return result;
    return new Response(new Uint8Array(result.bytes), {
      headers: {
        "Content-Type": "image/jpeg",
        "Content-Length": String(result.bytes.byteLength),
        "Cache-Control": "private, max-age=31536000, immutable",
        "X-Content-Type-Options": "nosniff",
      },
    });
  },
);
