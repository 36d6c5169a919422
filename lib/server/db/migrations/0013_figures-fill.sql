-- Fills the office figures' tables of migration 0012 from rectification_items in three set-based
-- statements, as 0012 filled them for the items that existed then. For a bulk load (seed:scale)
-- that writes its items with rectification_items_facts disabled: kept row by row in one
-- transaction, each hot tally row (a district's 'all', its domains, its months) takes a new version
-- per item, and the load slows down quadratically (a city's 200k items never finished).
CREATE FUNCTION rectification_figures_fill() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT FROM rectification_first_closures) OR EXISTS (SELECT FROM rectification_item_facts)
    OR EXISTS (SELECT FROM rectification_tallies) THEN
    RAISE EXCEPTION 'rectification_figures_fill: the office figures'' tables are not empty';
  END IF;
  -- The tallies are summed below, not counted again item by item at commit.
  ALTER TABLE rectification_item_facts DISABLE TRIGGER rectification_item_facts_tally;
  INSERT INTO rectification_first_closures (school_id, item_code, first_closed_at)
    SELECT school_id, item_code, min(closed_at) FILTER (WHERE status = 'closed')
    FROM rectification_items GROUP BY school_id, item_code;
  INSERT INTO rectification_item_facts
    SELECT f.*
    FROM rectification_items ri
    JOIN rectification_first_closures fc ON fc.school_id = ri.school_id AND fc.item_code = ri.item_code
    CROSS JOIN LATERAL rectification_fact(ri, fc.first_closed_at) f;
  INSERT INTO rectification_tallies
    SELECT f.district_id, r.dim, r.key, g.domain, g.severity, sum(r.total), sum(r.closed),
      sum(r.cancelled), sum(r.closed_on_time), sum(r.close_days)
    FROM rectification_item_facts f JOIN schools s ON s.id = f.school_id
    CROSS JOIN LATERAL rectification_tally_rows(f, s.zone_id) r
    CROSS JOIN LATERAL (VALUES (f.domain, f.severity), ('*', '*')) AS g (domain, severity)
    GROUP BY 1, 2, 3, 4, 5;
  ALTER TABLE rectification_item_facts ENABLE TRIGGER rectification_item_facts_tally;
END $$;
