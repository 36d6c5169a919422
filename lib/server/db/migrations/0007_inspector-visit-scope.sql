ALTER TABLE "districts" ADD COLUMN "routine_templates" jsonb;--> statement-breakpoint
ALTER TABLE "visits" ADD COLUMN "excluded_sections" jsonb;--> statement-breakpoint
ALTER TABLE "visits" ADD COLUMN "unchecked" jsonb;