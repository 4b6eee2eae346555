-- The catalog tree's counts ("everything inside, columns included", stopped at 1,000) as an index-only walk.
-- Each count was a Bitmap Index Scan of the GIN path index, which cannot stop early: it gathers every descendant
-- (194,000 under an integration, ~16,000 under a database at 1,000,000 resources: ~5 ms and ~400 buffers per node,
-- plus 1,001 heap rows), and for a guest it also intersected the posting lists of every root in the viewer's
-- scope (25 ms for a table of 21 columns). A resource's descendants are the rows whose path starts with its path,
-- one contiguous range of a btree on (workspaceId, path): a count stopped at the cap reads at most that many index
-- entries and no heap (bench/README.md, "Catalog and resource pages (session 7)").
--
-- IF NOT EXISTS: the benchmark databases got it by hand (CONCURRENTLY) while it was profiled.
CREATE INDEX IF NOT EXISTS "Resource_workspaceId_path_live_idx" ON "Resource" ("workspaceId", path) WHERE "removedAt" IS NULL;
-- A node's children of the tree's kinds, counted without reading the rows of the others (an integration of
-- dashboards has 7,725 children and no tree children: 21 ms through the parentId index's heap rows).
CREATE INDEX IF NOT EXISTS "Resource_workspaceId_parentId_type_live_idx" ON "Resource" ("workspaceId", "parentId", type) WHERE "removedAt" IS NULL;

-- For each id the session may see (the app_select policy's own rule: the session's workspace, a path meeting the
-- viewer's keys, which for an admin is the workspace itself), how many live resources lie below it, stopped at
-- `cap` + 1 (n), and how many of its live children are of the given kinds (kids, exact). Every descendant of a visible resource is visible (its path contains the visible one's), so the
-- count is exactly what the viewer could count under row-level security; ids it may not see get no row. As the
-- owner, because under the policies the path range cannot be an index condition on a managed service (array
-- comparison is not LEAKPROOF there), nor can `path @>` (20261206100600). Counts only.
-- The range's upper end is the path followed by the greatest uuid: a child whose id is ffffffff-ffff-ffff-ffff-
-- ffffffffffff itself would be left out of its parent's count (ids are random or name-derived uuids).
CREATE OR REPLACE FUNCTION app_tree_counts(ids uuid[], cap integer, kinds "ResourceType"[]) RETURNS TABLE (id uuid, n bigint, kids bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT x.id,
         (SELECT count(*) FROM (
            SELECT 1 FROM "Resource" d
             WHERE d."workspaceId" = x."workspaceId" AND d."removedAt" IS NULL
               AND d.path > x.path AND d.path < x.path || '{ffffffff-ffff-ffff-ffff-ffffffffffff}'::uuid[]
             LIMIT cap + 1) c),
         (SELECT count(*) FROM "Resource" k
           WHERE k."workspaceId" = x."workspaceId" AND k."parentId" = x.id AND k."removedAt" IS NULL AND k.type = ANY(kinds))
    FROM "Resource" x
   WHERE x.id = ANY(ids)
     AND x."workspaceId" = (SELECT app_workspace_id())
     AND (ARRAY[x."workspaceId"] || x.path) && (SELECT app_resource_keys())
$$;

-- A resource page's "last synced" (20261203…): the same answer, with the viewer's sight asked as the policy asks it.
-- `app_is_admin() OR r.path && app_resource_roots()` computed the roots even for an admin (every team's
-- assignments: 17,453 rows, 6,306 buffers, 47 ms per resource page at 1,000,000 resources); app_resource_keys()
-- is the workspace itself for an admin and the roots for anyone else, once per call.
CREATE OR REPLACE FUNCTION app_last_synced(rid uuid) RETURNS timestamp without time zone
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT (SELECT s."finishedAt" FROM "IntegrationSync" s
           WHERE s."workspaceId" = r."workspaceId" AND s."integrationId" = r.path[1] AND s.status = 'succeeded'
           ORDER BY s."createdAt" DESC LIMIT 1)
    FROM "Resource" r
   WHERE r."workspaceId" = (SELECT app_workspace_id()) AND r.id = rid
     AND (ARRAY[r."workspaceId"] || r.path) && (SELECT app_resource_keys())
$$;
