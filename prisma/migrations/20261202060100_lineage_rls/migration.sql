-- Lineage edges under row-level security: an edge is visible only when both of its ends are visible to the
-- viewer (the Resource policy's own test, `path && app_resource_roots()`, on each end), so a hidden resource
-- leaves no trace in the edges table either: not its id at one end, not a count. Admins see every edge of their
-- workspace. Admins write any edge; editors add and remove manual edges between resources they can see. Syncs and
-- the seed write as the admin who started them, or as the owner (system_all).
GRANT SELECT, INSERT, UPDATE, DELETE ON "LineageEdge" TO enclave_app;

ALTER TABLE "LineageEdge" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "LineageEdge" FORCE ROW LEVEL SECURITY;
CREATE POLICY system_all ON "LineageEdge" USING (current_user <> 'enclave_app') WITH CHECK (current_user <> 'enclave_app');

CREATE POLICY app_select ON "LineageEdge" FOR SELECT TO enclave_app
  USING ("workspaceId" = (SELECT app_workspace_id())
         AND ((SELECT app_is_admin())
              OR (EXISTS (SELECT 1 FROM "Resource" r
                           WHERE r."workspaceId" = "LineageEdge"."workspaceId" AND r.id = "LineageEdge"."fromId"
                             AND r.path && (SELECT app_resource_roots()))
                  AND EXISTS (SELECT 1 FROM "Resource" r
                               WHERE r."workspaceId" = "LineageEdge"."workspaceId" AND r.id = "LineageEdge"."toId"
                                 AND r.path && (SELECT app_resource_roots())))));

CREATE POLICY app_admin ON "LineageEdge" TO enclave_app
  USING ("workspaceId" = (SELECT app_workspace_id()) AND (SELECT app_is_admin()))
  WITH CHECK ("workspaceId" = (SELECT app_workspace_id()) AND (SELECT app_is_admin()));

CREATE POLICY app_editor_insert ON "LineageEdge" FOR INSERT TO enclave_app
  WITH CHECK ("workspaceId" = (SELECT app_workspace_id()) AND (SELECT app_role()) = 'EDITOR' AND kind = 'manual'
              AND EXISTS (SELECT 1 FROM "Resource" r WHERE r."workspaceId" = "LineageEdge"."workspaceId" AND r.id = "LineageEdge"."fromId"
                            AND r.path && (SELECT app_resource_roots()))
              AND EXISTS (SELECT 1 FROM "Resource" r WHERE r."workspaceId" = "LineageEdge"."workspaceId" AND r.id = "LineageEdge"."toId"
                            AND r.path && (SELECT app_resource_roots())));

CREATE POLICY app_editor_delete ON "LineageEdge" FOR DELETE TO enclave_app
  USING ("workspaceId" = (SELECT app_workspace_id()) AND (SELECT app_role()) = 'EDITOR' AND kind = 'manual'
         AND EXISTS (SELECT 1 FROM "Resource" r WHERE r."workspaceId" = "LineageEdge"."workspaceId" AND r.id = "LineageEdge"."fromId"
                       AND r.path && (SELECT app_resource_roots()))
         AND EXISTS (SELECT 1 FROM "Resource" r WHERE r."workspaceId" = "LineageEdge"."workspaceId" AND r.id = "LineageEdge"."toId"
                       AND r.path && (SELECT app_resource_roots())));
