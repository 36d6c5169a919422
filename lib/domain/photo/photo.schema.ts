import { z } from "zod";

import "../zod-locale";

/** Photos are content-addressed: the id is the lowercase hex SHA-256 of the stored bytes. */
export const photoIdSchema = z
  .string()
  .regex(/^[0-9a-f]{64}$/, "照片编号应为 64 位十六进制 SHA-256");
export type PhotoId = z.infer<typeof photoIdSchema>;

export const PHOTO_MIME_TYPES = ["image/jpeg", "image/png", "image/webp"] as const;
export const photoMimeSchema = z.enum(PHOTO_MIME_TYPES, {
  message: "只支持 JPEG、PNG 或 WebP 图片",
});
export type PhotoMime = z.infer<typeof photoMimeSchema>;

/** Largest photo the server accepts. Phones send ≤ 500 KB after compression; signatures are small PNGs. */
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;

/** What the server answers to an upload: the stored type is what the decoded bytes are. */
export const uploadedPhotoSchema = z.object({
  id: photoIdSchema,
  mime: photoMimeSchema,
  bytes: z.number().int().positive(),
});
export type UploadedPhoto = z.infer<typeof uploadedPhotoSchema>;
