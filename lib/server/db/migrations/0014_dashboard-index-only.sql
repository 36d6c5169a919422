DROP INDEX "rectification_item_facts_open_idx";--> statement-breakpoint
DROP INDEX "rectification_item_facts_repeat_idx";--> statement-breakpoint
CREATE INDEX "visits_submitted_started_idx" ON "visits" USING btree ("started_at","school_id","inspector_id") WHERE "visits"."status" = 'submitted';--> statement-breakpoint
CREATE INDEX "rectification_item_facts_open_idx" ON "rectification_item_facts" USING btree ("district_id","school_id","inspector_id","domain","severity","found_on","status","due_date","reported_on") WHERE "rectification_item_facts"."status" in ('pending', 'in_progress', 'submitted', 'returned');--> statement-breakpoint
CREATE INDEX "rectification_item_facts_repeat_idx" ON "rectification_item_facts" USING btree ("district_id","school_id","item_code","inspector_id","domain","severity","found_on") WHERE "rectification_item_facts"."repeat" and "rectification_item_facts"."status" <> 'cancelled';--> statement-breakpoint
-- The dashboard reads these indexes alone only where the visibility map says a page is all
-- visible; every item change rewrites a fact and every sync writes visits, so vacuum them after
-- ~1% of their rows changed or came, not the default 20% (a city: ~2k changes, ~1k visits).
ALTER TABLE "rectification_item_facts" SET (autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_insert_scale_factor = 0.01);--> statement-breakpoint
ALTER TABLE "visits" SET (autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_insert_scale_factor = 0.01);
