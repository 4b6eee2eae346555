-- A view's definition (pg_get_viewdef) names every relation it reads. Shown to a viewer who cannot see one of
-- them, it would name a hidden resource, so lib/catalog shows it only when every relation the view reads (its
-- `view` lineage edges, recorded by the sync) is visible to the viewer. The edges to hidden sources are out of
-- the viewer's sight under RLS, hence a SECURITY DEFINER helper that answers only yes or no for one resource the
-- caller can already see.
CREATE OR REPLACE FUNCTION app_lineage_sources_visible(rid uuid) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT app_is_admin() OR NOT EXISTS (
    SELECT 1 FROM "LineageEdge" e JOIN "Resource" f ON f."workspaceId" = e."workspaceId" AND f.id = e."fromId"
     WHERE e."workspaceId" = app_workspace_id() AND e."toId" = rid AND e.kind = 'view'
       AND NOT (f.path && app_resource_roots()))
$$;
GRANT EXECUTE ON FUNCTION app_lineage_sources_visible(uuid) TO enclave_app;
