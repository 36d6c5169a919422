-- Each item carries its visit's inspector (set once; a visit's inspector never changes), filled in
-- from the visits for the items already there, so the office's figures by inspector need not join
-- the wide visits table.
ALTER TABLE "rectification_items" ADD COLUMN "inspector_id" text;--> statement-breakpoint
UPDATE "rectification_items" AS ri SET "inspector_id" = v."inspector_id" FROM "visits" AS v WHERE v."id" = ri."visit_id";--> statement-breakpoint
ALTER TABLE "rectification_items" ALTER COLUMN "inspector_id" SET NOT NULL;--> statement-breakpoint
CREATE INDEX "rectification_items_repeat_idx" ON "rectification_items" USING btree ("school_id","item_code","closed_at") WHERE "rectification_items"."status" = 'closed';
