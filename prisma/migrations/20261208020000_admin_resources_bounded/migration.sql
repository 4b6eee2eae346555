-- The admin's resources table (/settings/resources), bounded at any size (#20). Two costs grew with the catalog:
--
-- * The capped count (LIMIT 10,001) under row-level security ran as a Seq Scan, and a heap that has churned has long
--   stretches of dead pages (at 1,000,000 resources the first 35,000 of 91,500 pages of "Resource" held 31 rows):
--   synchronized scans start where the last scan stopped, so the count took 5 ms or 350 ms by chance (p95 461 ms
--   for page 1, bench/README.md). Here it walks an index (SET enable_seqscan = off, for this function only):
--   index-only on (workspaceId, …) without a filter, 3 ms.
-- * The text filter: ILIKE (texticlike) is not LEAKPROOF, so under row-level security PostgreSQL tests the policies
--   before it and never uses the trigram index; app_resources_matching found the candidates as the owner, but all of
--   them (24,458 for "revenue"), each read again under the policies and sorted by name: 632 ms. Here the count stops
--   at cap + 1 through the trigram index, and the page is found one of two ways: when the matches are at most the cap,
--   they are few enough to sort (the trigram bitmap, then a sort of at most cap rows); when they are more, they are
--   frequent (1 row in 100 or more), and walking the table's order through its index with the filter finds the page
--   after a few thousand index entries (index-only for the name).
--
-- As app_search_admin: the session's own workspace and its admins only (anyone else: nothing), ids and a count only.
-- The caller reads the page's rows under its policies with the same filters (lib/resources/queries.ts), so what it
-- shows is what the policies show; this only says which rows to read, and how many there are up to the cap.
--
-- contains: the name's ILIKE pattern (escaped with \), or NULL; only_type: a type, or NULL; under: an ancestor (the
-- integration filter), or NULL; any_of / none_of: the path must / must not meet these ids (a team's assignments,
-- every assignment), or NULL; sort_by, descending: the sort (name, type, updatedAt; the id breaks ties, and the name
-- before it for the other columns, as the table orders); page_no, n: the page (clamped as the caller clamps it: to
-- the last page of min(total, cap) rows); cap: where the count stops; walk_max: how far the walk of the frequent
-- goes before it gives up (25,000 index entries tested against the pattern: about 30 ms).
-- total: the matches, counted up to cap + 1 (more than cap: "cap+"); ids: the page's ids in order when contains is
-- given, else NULL (without a text filter the caller's own statement walks the index under row-level security).
CREATE OR REPLACE FUNCTION app_admin_resources(contains text, only_type text, under uuid, any_of uuid[], none_of uuid[],
  sort_by text, descending boolean, page_no int, n int, cap int,
  walk_max int DEFAULT 25000, OUT ids uuid[], OUT total int)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public SET enable_seqscan = off AS $$
DECLARE
  ws uuid := app_workspace_id();
  cond text := '';
  dir text := CASE WHEN descending THEN 'DESC' ELSE 'ASC' END;
  ord text;
  skip int;
BEGIN
  ids := '{}';
  total := 0;
  IF ws IS NULL OR NOT coalesce(app_is_admin(), false) OR n IS NULL OR n < 1 THEN RETURN; END IF;
  ord := CASE sort_by WHEN 'name' THEN format('r.name %s, r.id', dir)
                 WHEN 'type' THEN format('r.type %s, r.name, r.id', dir)
                 WHEN 'updatedAt' THEN format('r."updatedAt" %s, r.name, r.id', dir) END;
  IF ord IS NULL THEN RAISE EXCEPTION 'app_admin_resources: unknown sort %', sort_by; END IF;
  -- Only the given conditions, so that each can drive its index (the values stay parameters: $2..$6).
  IF contains IS NOT NULL THEN cond := cond || ' AND r.name ILIKE $2'; END IF;
  IF only_type IS NOT NULL THEN cond := cond || ' AND r.type = $3::"ResourceType"'; END IF;
  IF under IS NOT NULL THEN cond := cond || ' AND r.path @> ARRAY[$4]'; END IF;
  IF any_of IS NOT NULL THEN cond := cond || ' AND r.path && $5'; END IF;
  IF none_of IS NOT NULL THEN cond := cond || ' AND NOT (r.path && $6)'; END IF;

  IF contains IS NULL THEN
    EXECUTE 'SELECT count(*)::int FROM (SELECT 1 FROM "Resource" r WHERE r."workspaceId" = $1' || cond || ' LIMIT $7) x'
      INTO total USING ws, contains, only_type, under, any_of, none_of, cap + 1;
    ids := NULL;
    RETURN;
  END IF;
  -- The matches through their indexes (the trigram's, or another filter's), up to cap + 1 of them, with what they sort
  -- by: at most cap means this is all of them, counted and sorted in one pass (the page clamped to the last one).
  EXECUTE 'WITH m AS MATERIALIZED (SELECT r.id, r.name, r.type, r."updatedAt" FROM "Resource" r WHERE r."workspaceId" = $1'
       || cond || ' LIMIT $7), c AS (SELECT count(*)::int AS total FROM m)'
       || ' SELECT c.total, array(SELECT r.id FROM m r ORDER BY ' || ord || ' LIMIT $8'
       || ' OFFSET (least(greatest($9, 1), greatest(1, ceil(least(c.total, $10)::numeric / $8)::int)) - 1) * $8) FROM c'
    INTO total, ids USING ws, contains, only_type, under, any_of, none_of, cap + 1, n, page_no, cap;
  IF total <= cap THEN RETURN; END IF;
  -- More than cap: frequent (1 row in 100 or more at 1,000,000). The page is past the first cap + 1 found.
  skip := (least(greatest(page_no, 1), cap / n + CASE WHEN cap % n > 0 THEN 1 ELSE 0 END) - 1) * n;

  IF (sort_by = 'name' OR (sort_by = 'updatedAt' AND descending) OR (sort_by = 'type' AND NOT descending)) THEN
    -- Frequent: the table's order through its index ("Resource_workspaceId_name_id_idx", "…_updatedAt_name_id_idx",
    -- "…_type_name_idx"), the filter applied on the way, stopping at the page. The subquery keeps the filter out of
    -- the walk (the planner cannot trade it for the trigram bitmap and a sort of every match) and bounds it at
    -- walk_max index entries: matches can cluster in one stretch of the alphabet ("revenue" names ascending: page 1
    -- after 5,655 entries; descending: after 70,281, 120 ms), so a page not found by then is found by the sort below.
    EXECUTE 'SELECT array(SELECT r.id FROM (SELECT r.id, r.name, r.type, r.path, r."updatedAt" FROM "Resource" r'
         || ' WHERE r."workspaceId" = $1 ORDER BY ' || ord || ' LIMIT $9) r WHERE true' || cond
         || ' ORDER BY ' || ord || ' LIMIT $7 OFFSET $8)'
      INTO ids USING ws, contains, only_type, under, any_of, none_of, n, skip, walk_max;
    IF cardinality(ids) = n THEN RETURN; END IF;
  END IF;
  -- An order no index gives, or a page the walk did not reach: every match through its indexes (OFFSET 0 keeps the
  -- walk of the table's order out), then sorted.
  EXECUTE 'SELECT array(SELECT r.id FROM (SELECT r.id, r.name, r.type, r."updatedAt" FROM "Resource" r'
       || ' WHERE r."workspaceId" = $1' || cond || ' OFFSET 0) r ORDER BY ' || ord || ' LIMIT $7 OFFSET $8)'
    INTO ids USING ws, contains, only_type, under, any_of, none_of, n, skip;
END $$;
