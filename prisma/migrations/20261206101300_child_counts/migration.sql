-- "N items" beside a resource (the catalog's sections, a resource's "Inside" table, its own page): how many
-- children it has, removed ones included, as the viewer sees them. Under the policies each child was read through
-- its heap row to test its path (the admin's 5 integrations: 7,838 children, 30 ms at 1,000,000 resources; every
-- guest statement also paid the policy's InitPlans). Every child of a visible resource is visible (its path holds
-- the parent's), so for each id the session may see (the app_select policy's own rule, as app_tree_counts) this
-- counts its children in the parentId index alone, as the owner. Ids it may not see get no row. Counts only.
CREATE OR REPLACE FUNCTION app_child_counts(ids uuid[]) RETURNS TABLE (id uuid, n bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT x.id, (SELECT count(*) FROM "Resource" c WHERE c."workspaceId" = x."workspaceId" AND c."parentId" = x.id)
    FROM "Resource" x
   WHERE x.id = ANY(ids)
     AND x."workspaceId" = (SELECT app_workspace_id())
     AND (ARRAY[x."workspaceId"] || x.path) && (SELECT app_resource_keys())
$$;
