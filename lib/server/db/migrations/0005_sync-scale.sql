DROP INDEX "visit_answers_change_seq_idx";--> statement-breakpoint
DROP INDEX "visits_change_seq_idx";--> statement-breakpoint
CREATE INDEX "rectification_items_school_change_seq_idx" ON "rectification_items" USING btree ("school_id","change_seq");--> statement-breakpoint
CREATE INDEX "visit_answers_visit_change_seq_idx" ON "visit_answers" USING btree ("visit_id","change_seq");--> statement-breakpoint
CREATE INDEX "visits_inspector_change_seq_idx" ON "visits" USING btree ("inspector_id","change_seq");--> statement-breakpoint
-- The change counter's watermark for pulls (lib/server/db/change-seq.ts): the counter FIRST, then
-- the writers' claims, in that order — a claim registered after the counter was read lies above it.
CREATE FUNCTION change_seq_watermark(claim_tag integer, OUT handed_out bigint, OUT watermark bigint)
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  oldest_claim bigint;
BEGIN
  SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END INTO handed_out FROM change_seq;
  SELECT min(((classid::bigint & 65535) << 32) | objid::bigint) INTO oldest_claim
    FROM pg_locks
    WHERE locktype = 'advisory'
      AND objsubid = 1
      AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
      AND (classid::bigint >> 16) = claim_tag;
  watermark := least(handed_out, oldest_claim);
END $$;
