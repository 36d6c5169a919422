-- The ledger's search indexes text by trigrams; pg_trgm is a trusted extension (PostgreSQL ≥ 13).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX "notices_district_issued_idx" ON "notices" USING btree ("district_id","issued_at","id");--> statement-breakpoint
CREATE INDEX "notices_issued_idx" ON "notices" USING btree ("issued_at","id");--> statement-breakpoint
CREATE INDEX "notices_unread_idx" ON "notices" USING btree ("district_id") WHERE "notices"."read_at" is null;--> statement-breakpoint
CREATE INDEX "notices_number_search_idx" ON "notices" USING gin ("number" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "rectification_items_district_created_idx" ON "rectification_items" USING btree ("district_id","created_at","id");--> statement-breakpoint
CREATE INDEX "rectification_items_created_idx" ON "rectification_items" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "rectification_items_due_sort_idx" ON "rectification_items" USING btree (coalesce("due_date", '9999-12-31'::date),"id");--> statement-breakpoint
CREATE INDEX "rectification_items_search_idx" ON "rectification_items" USING gin (("description" || ' ' || "prompt" || ' ' || "item_code") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "rectification_items_review_idx" ON "rectification_items" USING btree ("district_id",least(case when "status" = 'submitted' then ("response"->>'submittedAt')::bigint end, ("extension"->>'requestedAt')::bigint),"id") WHERE "rectification_items"."status" = 'submitted' or "rectification_items"."extension" is not null;