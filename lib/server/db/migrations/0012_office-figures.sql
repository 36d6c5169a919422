CREATE TABLE "rectification_first_closures" (
	"school_id" uuid NOT NULL,
	"item_code" text NOT NULL,
	"first_closed_at" timestamp with time zone,
	CONSTRAINT "rectification_first_closures_school_id_item_code_pk" PRIMARY KEY("school_id","item_code")
);
--> statement-breakpoint
CREATE TABLE "rectification_item_facts" (
	"item_id" uuid PRIMARY KEY NOT NULL,
	"district_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"inspector_id" text NOT NULL,
	"domain" text NOT NULL,
	"severity" text NOT NULL,
	"status" text NOT NULL,
	"item_code" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"found_on" date NOT NULL,
	"closed_on" date,
	"due_date" date,
	"reported_on" date,
	"repeat" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rectification_tallies" (
	"district_id" uuid NOT NULL,
	"dim" text NOT NULL,
	"key" text NOT NULL,
	"domain" text NOT NULL,
	"severity" text NOT NULL,
	"total" integer NOT NULL,
	"closed" integer NOT NULL,
	"cancelled" integer NOT NULL,
	"closed_on_time" integer NOT NULL,
	"close_days" integer NOT NULL,
	CONSTRAINT "rectification_tallies_district_id_domain_severity_dim_key_pk" PRIMARY KEY("district_id","domain","severity","dim","key")
);
--> statement-breakpoint
ALTER TABLE "rectification_item_facts" ADD CONSTRAINT "rectification_item_facts_item_id_rectification_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."rectification_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "rectification_item_facts_pair_idx" ON "rectification_item_facts" USING btree ("school_id","item_code","created_at");--> statement-breakpoint
CREATE INDEX "rectification_item_facts_found_idx" ON "rectification_item_facts" USING btree ("district_id","found_on");--> statement-breakpoint
CREATE INDEX "rectification_item_facts_inspector_idx" ON "rectification_item_facts" USING btree ("inspector_id");--> statement-breakpoint
CREATE INDEX "rectification_item_facts_open_idx" ON "rectification_item_facts" USING btree ("district_id","school_id") WHERE "rectification_item_facts"."status" in ('pending', 'in_progress', 'submitted', 'returned');--> statement-breakpoint
CREATE INDEX "rectification_item_facts_repeat_idx" ON "rectification_item_facts" USING btree ("district_id") WHERE "rectification_item_facts"."repeat" and "rectification_item_facts"."status" <> 'cancelled';--> statement-breakpoint
-- The office's figures (lib/server/analytics/dashboard.ts) read three tables kept by the triggers
-- below in the transaction of every item change, whoever writes it: facts (one narrow row per
-- item), first closures (per school and check item, for 屡查屡犯) and tallies (what does not depend
-- on today, summed per district, dimension and key, domain and severity, and again over all domains
-- and severities as domain = severity = '*', which is what a view without those filters reads).

-- The China calendar day the school's 整改报告 came (SchoolResponse.submittedAt, epoch ms).
CREATE FUNCTION rectification_reported_on(response jsonb) RETURNS date
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN (to_timestamp((response ->> 'submittedAt')::bigint / 1000.0) AT TIME ZONE 'Asia/Shanghai')::date;--> statement-breakpoint
-- lib/domain/rectification/transition.ts daysOverdue: the school's lateness; a report awaiting
-- review counts at the day it came, an open item at today.
CREATE FUNCTION rectification_days_overdue(status text, due_date date, reported_on date, today date)
  RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN CASE
    WHEN due_date IS NULL OR status IN ('closed', 'cancelled') THEN 0
    ELSE greatest(0, CASE WHEN status = 'submitted' THEN coalesce(reported_on, today) ELSE today END - due_date)
  END;--> statement-breakpoint
CREATE FUNCTION rectification_fact(ri rectification_items, first_closed_at timestamptz)
  RETURNS rectification_item_facts LANGUAGE sql STABLE
  RETURN ROW(ri.id, ri.district_id, ri.school_id, ri.inspector_id,
    coalesce((SELECT t.domain FROM templates t WHERE t.code = ri.template_code AND t.version = ri.template_version), ''),
    ri.severity, ri.status, ri.item_code, ri.created_at,
    (ri.created_at AT TIME ZONE 'Asia/Shanghai')::date, (ri.closed_at AT TIME ZONE 'Asia/Shanghai')::date,
    ri.due_date, rectification_reported_on(ri.response),
    coalesce(first_closed_at < ri.created_at, false))::rectification_item_facts;--> statement-breakpoint
-- What one item adds to the tallies: a row per dimension it counts in (a closed month only once closed).
CREATE FUNCTION rectification_tally_rows(f rectification_item_facts, zone_id uuid)
  RETURNS TABLE (dim text, key text, total integer, closed integer, cancelled integer, closed_on_time integer, close_days integer)
  LANGUAGE sql STABLE PARALLEL SAFE
  BEGIN ATOMIC
    SELECT d.dim, d.key, 1, (f.status = 'closed')::integer, (f.status = 'cancelled')::integer,
      (f.status = 'closed' AND (f.due_date IS NULL OR f.closed_on <= f.due_date))::integer,
      CASE WHEN f.status = 'closed' THEN coalesce(f.closed_on - f.found_on, 0) ELSE 0 END
    FROM (VALUES ('all', ''), ('zone', coalesce(zone_id::text, '')), ('school', f.school_id::text),
      ('inspector', f.inspector_id), ('domain', f.domain), ('severity', f.severity),
      ('found', to_char(f.found_on::timestamp, 'YYYY-MM')),
      ('closed', to_char(f.closed_on::timestamp, 'YYYY-MM'))) AS d (dim, key)
    WHERE d.key IS NOT NULL;
  END;--> statement-breakpoint
INSERT INTO rectification_first_closures (school_id, item_code, first_closed_at)
  SELECT school_id, item_code, min(closed_at) FILTER (WHERE status = 'closed')
  FROM rectification_items GROUP BY school_id, item_code;--> statement-breakpoint
INSERT INTO rectification_item_facts
  SELECT f.*
  FROM rectification_items ri
  JOIN rectification_first_closures fc ON fc.school_id = ri.school_id AND fc.item_code = ri.item_code
  CROSS JOIN LATERAL rectification_fact(ri, fc.first_closed_at) f;--> statement-breakpoint
INSERT INTO rectification_tallies
  SELECT f.district_id, r.dim, r.key, g.domain, g.severity, sum(r.total), sum(r.closed),
    sum(r.cancelled), sum(r.closed_on_time), sum(r.close_days)
  FROM rectification_item_facts f JOIN schools s ON s.id = f.school_id
  CROSS JOIN LATERAL rectification_tally_rows(f, s.zone_id) r
  CROSS JOIN LATERAL (VALUES (f.domain, f.severity), ('*', '*')) AS g (domain, severity)
  GROUP BY 1, 2, 3, 4, 5;--> statement-breakpoint
-- Adds (sign 1) or takes back (-1) what one item's facts count. FOR SHARE on the school: a move of
-- the school to another zone (below) and this wait for each other, so no count is left in the old zone.
CREATE FUNCTION rectification_tally(f rectification_item_facts, sign integer) RETURNS void
  LANGUAGE sql
  BEGIN ATOMIC
    INSERT INTO rectification_tallies AS t
      SELECT f.district_id, r.dim, r.key, g.domain, g.severity, sign * r.total, sign * r.closed,
        sign * r.cancelled, sign * r.closed_on_time, sign * r.close_days
      FROM rectification_tally_rows(f, (SELECT s.zone_id FROM schools s WHERE s.id = f.school_id FOR SHARE)) r
      CROSS JOIN (VALUES (f.domain, f.severity), ('*', '*')) AS g (domain, severity)
      ORDER BY g.domain, g.severity, r.dim, r.key
    ON CONFLICT (district_id, domain, severity, dim, key) DO UPDATE SET
      total = t.total + excluded.total, closed = t.closed + excluded.closed,
      cancelled = t.cancelled + excluded.cancelled,
      closed_on_time = t.closed_on_time + excluded.closed_on_time,
      close_days = t.close_days + excluded.close_days;
  END;--> statement-breakpoint
CREATE FUNCTION rectification_facts_tally() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN PERFORM rectification_tally(OLD, -1); END IF;
  IF TG_OP <> 'DELETE' THEN PERFORM rectification_tally(NEW, 1); END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
-- Deferred to commit: the district's hot tally rows are locked only for the moment of the commit,
-- not for the whole of a sync push.
CREATE CONSTRAINT TRIGGER rectification_item_facts_tally
  AFTER INSERT OR UPDATE OF status, closed_on, due_date OR DELETE ON rectification_item_facts
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION rectification_facts_tally();--> statement-breakpoint
-- An item's facts follow it. Its (school, check item) row in rectification_first_closures is the lock
-- that queues a finding and a 销号 of the same pair: the later one always sees the other, so an item
-- found after an earlier one was closed is a repeat whichever commits first.
CREATE FUNCTION rectification_items_facts() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  first_closed timestamptz;
  closing boolean := NEW.status = 'closed' AND NEW.closed_at IS NOT NULL
    AND (TG_OP = 'INSERT' OR OLD.status <> 'closed');
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO rectification_first_closures (school_id, item_code)
      VALUES (NEW.school_id, NEW.item_code) ON CONFLICT DO NOTHING;
  END IF;
  IF TG_OP = 'INSERT' OR closing THEN
    SELECT fc.first_closed_at INTO first_closed FROM rectification_first_closures fc
      WHERE fc.school_id = NEW.school_id AND fc.item_code = NEW.item_code FOR UPDATE;
  END IF;
  IF TG_OP = 'INSERT' THEN
    INSERT INTO rectification_item_facts SELECT * FROM rectification_fact(NEW, first_closed);
  ELSE
    UPDATE rectification_item_facts f
      SET status = n.status, closed_on = n.closed_on, due_date = n.due_date, reported_on = n.reported_on
      FROM rectification_fact(NEW, NULL) n
      WHERE f.item_id = NEW.id
        AND (f.status, f.closed_on, f.due_date, f.reported_on)
          IS DISTINCT FROM (n.status, n.closed_on, n.due_date, n.reported_on);
  END IF;
  IF closing AND (first_closed IS NULL OR NEW.closed_at < first_closed) THEN
    UPDATE rectification_first_closures SET first_closed_at = NEW.closed_at
      WHERE school_id = NEW.school_id AND item_code = NEW.item_code;
    UPDATE rectification_item_facts SET repeat = true
      WHERE school_id = NEW.school_id AND item_code = NEW.item_code
        AND created_at > NEW.closed_at AND NOT repeat;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER rectification_items_facts AFTER INSERT OR UPDATE ON rectification_items
  FOR EACH ROW EXECUTE FUNCTION rectification_items_facts();--> statement-breakpoint
-- A school moved to another zone takes its counts along (the zone is the school's current one).
CREATE FUNCTION schools_zone_tallies() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO rectification_tallies AS t
    SELECT s.district_id, 'zone', z.key, s.domain, s.severity, z.sign * s.total, z.sign * s.closed,
      z.sign * s.cancelled, z.sign * s.closed_on_time, z.sign * s.close_days
    FROM rectification_tallies s
    CROSS JOIN (VALUES (coalesce(OLD.zone_id::text, ''), -1), (coalesce(NEW.zone_id::text, ''), 1)) AS z (key, sign)
    WHERE s.district_id = NEW.district_id AND s.dim = 'school' AND s.key = NEW.id::text
  ON CONFLICT (district_id, domain, severity, dim, key) DO UPDATE SET
    total = t.total + excluded.total, closed = t.closed + excluded.closed,
    cancelled = t.cancelled + excluded.cancelled,
    closed_on_time = t.closed_on_time + excluded.closed_on_time,
    close_days = t.close_days + excluded.close_days;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER schools_zone_tallies AFTER UPDATE OF zone_id ON schools
  FOR EACH ROW WHEN (OLD.zone_id IS DISTINCT FROM NEW.zone_id)
  EXECUTE FUNCTION schools_zone_tallies();--> statement-breakpoint
ANALYZE rectification_first_closures, rectification_item_facts, rectification_tallies;
