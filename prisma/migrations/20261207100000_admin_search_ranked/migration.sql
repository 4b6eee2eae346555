-- An admin's search, bounded (#20). Ranking every match to show 20 of them read each of the 61,696 resources that
-- match "revenue" at 1,000,000 (1.2 s), and its capped total 10,001 more (0.7 s). The ranking is now in tiers that
-- an index can walk (lib/search/sql.ts: exact name, name prefix, own name words, own words, words with ancestors,
-- substring; within a tier the type's boost, the shorter name, the name, the id), and this function finds the first
-- n results of that ranking tier by tier, stopping as soon as it has n, and counts the matches the same way up to a
-- cap. The prefix tier (most of any broad search) is a range of the index below, read index-only.
--
-- As app_resources_matching: the session's own workspace, admins only (anyone else: nothing), ids and a count
-- only. The caller reads those rows under its policies and applies its own match and ranking to them, so what it
-- shows is what the policies show; this only says which rows to read.
-- (name is included because PostgreSQL reads an expression index only-index only when the columns the expression is
-- computed from are in it.)
CREATE INDEX IF NOT EXISTS "Resource_search_lower_name_idx" ON "Resource" ("workspaceId", lower(name) text_pattern_ops, type, id)
  INCLUDE (name) WHERE "removedAt" IS NULL;

-- exact: the query lower-cased; prefix: its LIKE pattern (exact, escaped, then %); tq: the words (or NULL);
-- contains: the substring pattern (3+ characters, or NULL); only_type: a type filter (or NULL); boost_types and
-- boosts: the types' boosts (lib/search/sql.ts TYPE_BOOST, the one definition); n: how many of the first results;
-- cap: where the count stops.
CREATE OR REPLACE FUNCTION app_search_admin(exact text, prefix text, tq tsquery, contains text, only_type text,
  boost_types text[], boosts numeric[], n int, cap int, OUT ids uuid[], OUT total int)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
DECLARE
  ws uuid := app_workspace_id();
  hi text;
  cp int;
  part uuid[];
  c int;
BEGIN
  ids := '{}';
  total := 0;
  IF ws IS NULL OR NOT coalesce(app_is_admin(), false) OR coalesce(exact, '') = '' THEN RETURN; END IF;
  -- The names starting with `exact` lie in [exact, hi) in code-point order (text_pattern_ops): hi is exact with
  -- its last character advanced by one (a trailing U+10FFFF is dropped first; a surrogate is skipped).
  hi := exact;
  LOOP
    EXIT WHEN hi = '';
    cp := ascii(right(hi, 1));
    IF cp < 1114111 THEN
      cp := cp + 1;
      IF cp BETWEEN 55296 AND 57343 THEN cp := 57344; END IF;
      hi := left(hi, -1) || chr(cp);
      EXIT;
    END IF;
    hi := left(hi, -1);
  END LOOP;
  IF hi = '' THEN hi := NULL; END IF;

  -- Tier 0, exact name, and tier 1, name prefix: the index range, index-only.
  SELECT coalesce(array_agg(x.id), '{}') INTO part FROM (
    SELECT r.id FROM "Resource" r
     WHERE r."workspaceId" = ws AND r."removedAt" IS NULL AND lower(r.name) = exact
       AND (only_type IS NULL OR r.type::text = only_type)
     ORDER BY boosts[array_position(boost_types, r.type::text)] DESC, length(lower(r.name)), lower(r.name), r.id LIMIT n) x;
  ids := ids || part;
  SELECT count(*) INTO total FROM (
    SELECT 1 FROM "Resource" r
     WHERE r."workspaceId" = ws AND r."removedAt" IS NULL AND lower(r.name) = exact
       AND (only_type IS NULL OR r.type::text = only_type)
     LIMIT cap) x;
  IF cardinality(ids) < n THEN
    SELECT coalesce(array_agg(x.id), '{}') INTO part FROM (
      SELECT r.id FROM "Resource" r
       WHERE r."workspaceId" = ws AND r."removedAt" IS NULL
         AND lower(r.name) ~>=~ exact AND (hi IS NULL OR lower(r.name) ~<~ hi) AND lower(r.name) LIKE prefix AND lower(r.name) <> exact
         AND (only_type IS NULL OR r.type::text = only_type)
       ORDER BY boosts[array_position(boost_types, r.type::text)] DESC, length(lower(r.name)), lower(r.name), r.id LIMIT n - cardinality(ids)) x;
    ids := ids || part;
  END IF;
  IF total < cap THEN
    SELECT count(*) INTO c FROM (
      SELECT 1 FROM "Resource" r
       WHERE r."workspaceId" = ws AND r."removedAt" IS NULL
         AND lower(r.name) ~>=~ exact AND (hi IS NULL OR lower(r.name) ~<~ hi) AND lower(r.name) LIKE prefix AND lower(r.name) <> exact
         AND (only_type IS NULL OR r.type::text = only_type)
       LIMIT cap - total) x;
    total := total + c;
  END IF;

  -- Tiers 2-4, words (own name, own name and description, with the ancestors' names) outside the prefix: the
  -- full-text index. Read only when the first tiers leave the page short or the count under its cap.
  IF tq IS NOT NULL AND cardinality(ids) < n THEN
    SELECT coalesce(array_agg(x.id), '{}') INTO part FROM (
      SELECT r.id FROM "Resource" r
       WHERE r."workspaceId" = ws AND r."removedAt" IS NULL AND r.search @@ tq AND NOT lower(r.name) LIKE prefix
         AND (only_type IS NULL OR r.type::text = only_type)
       ORDER BY CASE WHEN ts_filter(r.search, '{a}') @@ tq THEN 2 WHEN ts_filter(r.search, '{a,b}') @@ tq THEN 3 ELSE 4 END,
                boosts[array_position(boost_types, r.type::text)] DESC, length(lower(r.name)), lower(r.name), r.id
       LIMIT n - cardinality(ids)) x;
    ids := ids || part;
  END IF;
  IF tq IS NOT NULL AND total < cap THEN
    SELECT count(*) INTO c FROM (
      SELECT 1 FROM "Resource" r
       WHERE r."workspaceId" = ws AND r."removedAt" IS NULL AND r.search @@ tq AND NOT lower(r.name) LIKE prefix
         AND (only_type IS NULL OR r.type::text = only_type)
       LIMIT cap - total) x;
    total := total + c;
  END IF;

  -- Tier 5, the name as a substring only: the trigram index.
  IF contains IS NOT NULL AND cardinality(ids) < n THEN
    SELECT coalesce(array_agg(x.id), '{}') INTO part FROM (
      SELECT r.id FROM "Resource" r
       WHERE r."workspaceId" = ws AND r."removedAt" IS NULL AND r.name ILIKE contains ESCAPE '\' AND NOT lower(r.name) LIKE prefix
         AND NOT (tq IS NOT NULL AND r.search @@ tq)
         AND (only_type IS NULL OR r.type::text = only_type)
       ORDER BY boosts[array_position(boost_types, r.type::text)] DESC, length(lower(r.name)), lower(r.name), r.id
       LIMIT n - cardinality(ids)) x;
    ids := ids || part;
  END IF;
  IF contains IS NOT NULL AND total < cap THEN
    SELECT count(*) INTO c FROM (
      SELECT 1 FROM "Resource" r
       WHERE r."workspaceId" = ws AND r."removedAt" IS NULL AND r.name ILIKE contains ESCAPE '\' AND NOT lower(r.name) LIKE prefix
         AND NOT (tq IS NOT NULL AND r.search @@ tq)
         AND (only_type IS NULL OR r.type::text = only_type)
       LIMIT cap - total) x;
    total := total + c;
  END IF;
END $$;
