-- Resource owners under row-level security. An owner row is visible only when the viewer can see its resource
-- AND its owner (the person under the User policy, the group under the Group policy): the EXISTS subqueries below
-- read those tables as the app role, so their own policies decide. A Guest therefore never learns that a person
-- of another client owns something, not even as a count. Editors and admins add and remove owners of resources
-- they can see, naming only people and groups they can see.
ALTER TABLE "ResourceOwner" ADD CONSTRAINT "ResourceOwner_one_owner" CHECK (num_nonnulls("userId", "groupId") = 1);

GRANT SELECT, INSERT, DELETE ON "ResourceOwner" TO enclave_app;
ALTER TABLE "ResourceOwner" ENABLE ROW LEVEL SECURITY;

CREATE POLICY app_select ON "ResourceOwner" FOR SELECT TO enclave_app
  USING ("workspaceId" = (SELECT app_workspace_id())
         AND EXISTS (SELECT 1 FROM "Resource" r WHERE r."workspaceId" = "ResourceOwner"."workspaceId" AND r.id = "ResourceOwner"."resourceId")
         AND ("userId" IS NULL OR EXISTS (SELECT 1 FROM "User" u WHERE u.id = "ResourceOwner"."userId"))
         AND ("groupId" IS NULL OR EXISTS (SELECT 1 FROM "Group" g WHERE g."workspaceId" = "ResourceOwner"."workspaceId" AND g.id = "ResourceOwner"."groupId")));

CREATE POLICY app_insert ON "ResourceOwner" FOR INSERT TO enclave_app
  WITH CHECK ("workspaceId" = (SELECT app_workspace_id()) AND (SELECT app_role()) IN ('ADMIN', 'EDITOR')
              AND "createdById" = (SELECT app_user_id())
              AND EXISTS (SELECT 1 FROM "Resource" r WHERE r."workspaceId" = "ResourceOwner"."workspaceId" AND r.id = "ResourceOwner"."resourceId")
              AND ("userId" IS NULL OR EXISTS (SELECT 1 FROM "User" u WHERE u.id = "ResourceOwner"."userId"))
              AND ("groupId" IS NULL OR EXISTS (SELECT 1 FROM "Group" g WHERE g."workspaceId" = "ResourceOwner"."workspaceId" AND g.id = "ResourceOwner"."groupId")));

CREATE POLICY app_delete ON "ResourceOwner" FOR DELETE TO enclave_app
  USING ("workspaceId" = (SELECT app_workspace_id()) AND (SELECT app_role()) IN ('ADMIN', 'EDITOR')
         AND EXISTS (SELECT 1 FROM "Resource" r WHERE r."workspaceId" = "ResourceOwner"."workspaceId" AND r.id = "ResourceOwner"."resourceId")
         AND ("userId" IS NULL OR EXISTS (SELECT 1 FROM "User" u WHERE u.id = "ResourceOwner"."userId"))
         AND ("groupId" IS NULL OR EXISTS (SELECT 1 FROM "Group" g WHERE g."workspaceId" = "ResourceOwner"."workspaceId" AND g.id = "ResourceOwner"."groupId")));

-- "Last synced" on a resource page: when its integration's last successful sync finished. Sync runs are
-- admins-only rows, hence a SECURITY DEFINER helper that answers one time for one resource the caller can see
-- already (null otherwise): a time shared by everything the integration holds, which names nothing.
CREATE OR REPLACE FUNCTION app_last_synced(rid uuid) RETURNS timestamp LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT (SELECT s."finishedAt" FROM "IntegrationSync" s
           WHERE s."workspaceId" = r."workspaceId" AND s."integrationId" = r.path[1] AND s.status = 'succeeded'
           ORDER BY s."createdAt" DESC LIMIT 1)
    FROM "Resource" r
   WHERE r."workspaceId" = app_workspace_id() AND r.id = rid
     AND (app_is_admin() OR r.path && app_resource_roots())
$$;
GRANT EXECUTE ON FUNCTION app_last_synced(uuid) TO enclave_app;

-- Foreign keys between tables ("References" / "Referenced by"): like lineage edges, a row is visible only when
-- both of its tables are (the Resource policy, read through the subqueries), so a hidden table leaves no trace:
-- not its id, not its columns, not a count. Written by syncs, which run as an admin.
GRANT SELECT, INSERT, UPDATE, DELETE ON "ResourceReference" TO enclave_app;
ALTER TABLE "ResourceReference" ENABLE ROW LEVEL SECURITY;

CREATE POLICY app_select ON "ResourceReference" FOR SELECT TO enclave_app
  USING ("workspaceId" = (SELECT app_workspace_id())
         AND EXISTS (SELECT 1 FROM "Resource" r WHERE r."workspaceId" = "ResourceReference"."workspaceId" AND r.id = "ResourceReference"."fromId")
         AND EXISTS (SELECT 1 FROM "Resource" r WHERE r."workspaceId" = "ResourceReference"."workspaceId" AND r.id = "ResourceReference"."toId"));

CREATE POLICY app_admin ON "ResourceReference" TO enclave_app
  USING ("workspaceId" = (SELECT app_workspace_id()) AND (SELECT app_is_admin()))
  WITH CHECK ("workspaceId" = (SELECT app_workspace_id()) AND (SELECT app_is_admin()));
