-- An admin's tops of the catalog (its roots) of some kinds: the catalog page's sections and the data sources tree.
-- On a managed service (the owner not a superuser) the enum's `=` is not LEAKPROOF (20261206100700 can mark it only
-- as a superuser), so under the admin policy `type = ANY(...)` is a filter after the policy, not a condition of
-- Resource_tops_idx: every count and first page of a section walked all 30,005 roots of a 1,000,000-resource
-- catalog (dashboards and documents included) through their heap rows, 80–250 ms each. These answer through the
-- index, for the session's own workspace and its admins only (anyone else: nothing), ids and a count only; the
-- caller reads the rows themselves under its policies with its own conditions.
CREATE OR REPLACE FUNCTION app_admin_tops(kinds "ResourceType"[], lim integer) RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT r.id FROM "Resource" r
   WHERE r."workspaceId" = (SELECT app_workspace_id()) AND (SELECT app_is_admin())
     AND r."parentId" IS NULL AND r."removedAt" IS NULL AND r.type = ANY(kinds)
   ORDER BY r.type, r.name, r.id
   LIMIT lim
$$;

CREATE OR REPLACE FUNCTION app_admin_top_count(kinds "ResourceType"[]) RETURNS bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT count(*) FROM "Resource" r
   WHERE r."workspaceId" = (SELECT app_workspace_id()) AND (SELECT app_is_admin())
     AND r."parentId" IS NULL AND r."removedAt" IS NULL AND r.type = ANY(kinds)
$$;
