import { photoIdSchema } from "@/lib/domain/photo/photo.schema";
import { apiRoute } from "@/lib/server/api-route";
import { requireApiUser } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { PHOTO_NOT_FOUND, readPhotoThumbnail } from "@/lib/server/photos/store-photo";
import { refusalResponse } from "@/lib/server/refusal";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ sha256: string }> };

/** A small JPEG of the photo for pages that list photos; same access rule as the photo itself. */
export const GET = apiRoute(async function GET(
  request: Request,
  { params }: Params,
): Promise<Response> {
  const { user, error } = await requireApiUser(request);
  if (error) return error;
  const id = photoIdSchema.safeParse((await params).sha256);
  const result = id.success ? await readPhotoThumbnail(getDb(), user, id.data) : PHOTO_NOT_FOUND;
  if (!result.ok) return refusalResponse(result);
  return new Response(new Uint8Array(result.bytes), {
    headers: {
      "Content-Type": "image/jpeg",
      "Content-Length": String(result.bytes.byteLength),
      "Cache-Control": "private, max-age=31536000, immutable",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
