-- An admin's search under row-level security. Its match (the search vector @@ the query, or the name ILIKE the
-- text) uses ts_match_vq and texticlike, which are not LEAKPROOF (only a superuser could mark them so, as
-- 20261202050000 tries), so PostgreSQL applies the admin policy first and tests every resource of the workspace:
-- a scan of 1,000,000 rows for each search (about 2.4 s as a managed service's owner, bench/README.md), never the
-- GIN or trigram index. This asks the indexes as the owner, for the session's own workspace and its admins only
-- (anyone else: no rows), and answers resource ids only; the search still reads those rows under its policies and
-- applies its own match to them, so the answer is the same, found through the indexes.
CREATE OR REPLACE FUNCTION app_resources_matching(tq tsquery, contains text) RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public ROWS 10000 AS $$
  SELECT r.id FROM "Resource" r
   WHERE (SELECT app_is_admin()) AND r."workspaceId" = (SELECT app_workspace_id())
     AND (r.search @@ tq OR r.name ILIKE contains ESCAPE '\')
$$;
