-- How many resources lie below each of some resources, for an admin (the resources table's "Inside" column, a
-- team's assigned resources). `path @> ARRAY[id]` (arraycontains) is not LEAKPROOF for a managed service's owner
-- (20261202040000 can mark it only as a superuser), and the admin policy drives no index, so under row-level
-- security every count was a Seq Scan of the workspace joined to the ids: 6.1 s for one page of 25 at 1,000,000
-- resources (bench/explain.ts on the owner's database). This counts through the path index as the owner, for the
-- session's own workspace and its admins only (anyone else: no rows), and answers counts only.
CREATE OR REPLACE FUNCTION app_descendant_counts(ids uuid[], live boolean) RETURNS TABLE (id uuid, n bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT a.id, count(r.id)
    FROM unnest(ids) AS a(id)
    JOIN "Resource" r ON r."workspaceId" = (SELECT app_workspace_id()) AND r.path @> ARRAY[a.id] AND r.id <> a.id
                     AND (NOT live OR r."removedAt" IS NULL)
   WHERE (SELECT app_is_admin())
   GROUP BY a.id
$$;
