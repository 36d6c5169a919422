import { MAX_PHOTO_BYTES, PHOTO_MIME_TYPES, photoIdSchema } from "@/lib/domain/photo/photo.schema";
import { refusal } from "@/lib/domain/refusal";
import { apiRoute } from "@/lib/server/api-route";
import { requireApiUser } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import {
  PHOTO_NOT_FOUND,
  PHOTO_TOO_LARGE,
  readPhoto,
  storePhoto,
} from "@/lib/server/photos/store-photo";
import { readBodyWithin } from "@/lib/server/read-body";
import { refusalResponse } from "@/lib/server/refusal";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ sha256: string }> };

/**
 * Upload: the body is the image bytes; the address is their SHA-256. The Content-Type must be one of
 * the image types, but the stored type is what the decoded bytes are.
 */
export const PUT = apiRoute(async function PUT(
  request: Request,
  { params }: Params,
): Promise<Response> {
  const { user, error } = await requireApiUser(request, undefined, { bodyTypes: PHOTO_MIME_TYPES });
  if (error) return error;
  const id = photoIdSchema.safeParse((await params).sha256);
  if (!id.success)
    return refusalResponse(refusal("invalid_input", id.error.issues[0]?.message ?? "照片编号无效"));
  const body = await readBodyWithin(request, MAX_PHOTO_BYTES);
  if (!body.ok) return refusalResponse(PHOTO_TOO_LARGE);
  const result = await storePhoto(getDb(), user, id.data, body.bytes);
  return result.ok
    ? Response.json(result.photo, { status: result.status })
    : refusalResponse(result);
});

/** The image itself. Its bytes can never change under this address, so browsers may keep it for good. */
export const GET = apiRoute(async function GET(
  request: Request,
  { params }: Params,
): Promise<Response> {
  const { user, error } = await requireApiUser(request);
  if (error) return error;
  const id = photoIdSchema.safeParse((await params).sha256);
  if (!id.success) return refusalResponse(PHOTO_NOT_FOUND);
  const result = await readPhoto(getDb(), user, id.data);
  if (!result.ok) return refusalResponse(result);
  return new Response(result.blob.body, {
    headers: {
      "Content-Type": result.mime,
      "Content-Length": String(result.blob.size),
      "Cache-Control": "private, max-age=31536000, immutable",
      ETag: `"${id.data}"`,
    },
  });
});
