-- The same rule as 20261205100000's, asked per row: "a member of this workspace" as a correlated EXISTS on
-- Membership's (workspaceId, userId) key instead of `id IN (all of the workspace's memberships)`. The IN form
-- made every read of User, even 25 rows by id, hash the workspace's 100,000 memberships first (about 40 ms at
-- 100,000 members); with EXISTS the planner probes the key for a few rows and still hashes for a full scan.
DROP POLICY app_select ON "User";
CREATE POLICY app_select ON "User" FOR SELECT TO enclave_app
  USING (id = (SELECT app_user_id())
         OR ((SELECT app_is_internal())
             AND EXISTS (SELECT 1 FROM "Membership" m
                          WHERE m."workspaceId" = (SELECT app_workspace_id()) AND m."userId" = "User".id
                            AND ((SELECT app_is_admin()) OR m.status <> 'DEACTIVATED'))
             AND ((SELECT app_is_admin()) OR status <> 'DEACTIVATED'))
         OR id = ANY ((SELECT app_guest_visible_user_ids())::uuid[]));
