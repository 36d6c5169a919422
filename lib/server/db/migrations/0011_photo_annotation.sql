ALTER TABLE "photos" ADD COLUMN "original_id" text;--> statement-breakpoint
ALTER TABLE "photos" ADD COLUMN "annotation_shapes" jsonb;