-- An admin's reads of the team tables tested every row against the list of the teams they may see before the
-- admin policy's "is an admin" (PostgreSQL ORs the permissive policies in their own order and evaluates an OR left
-- to right): for an admin that list is every team, 2,000 at scale, and `"teamId" = ANY(list)` compares linearly,
-- so the teams table sorted by members spent 1.56 s of its 2.6 s in a Seq Scan of TeamMember's 198,291 rows
-- (EXPLAIN ANALYZE, bench/README.md). Each select policy now asks "is an admin" first, which settles it at once
-- for admins; for everyone else it is false and the list is theirs, as before. Same rule: an admin's list is
-- every team of the workspace, which the workspace condition already says.
DROP POLICY app_select ON "Team";
CREATE POLICY app_select ON "Team" FOR SELECT TO enclave_app
  USING ("workspaceId" = (SELECT app_workspace_id()) AND ((SELECT app_is_admin()) OR id = ANY ((SELECT app_visible_team_ids())::uuid[])));
DROP POLICY app_select ON "TeamMember";
CREATE POLICY app_select ON "TeamMember" FOR SELECT TO enclave_app
  USING ("workspaceId" = (SELECT app_workspace_id()) AND ((SELECT app_is_admin()) OR "teamId" = ANY ((SELECT app_visible_team_ids())::uuid[])));
DROP POLICY app_select ON "TeamGroup";
CREATE POLICY app_select ON "TeamGroup" FOR SELECT TO enclave_app
  USING ("workspaceId" = (SELECT app_workspace_id()) AND ((SELECT app_is_admin()) OR "teamId" = ANY ((SELECT app_visible_team_ids())::uuid[])));
DROP POLICY app_select ON "TeamResource";
CREATE POLICY app_select ON "TeamResource" FOR SELECT TO enclave_app
  USING ("workspaceId" = (SELECT app_workspace_id()) AND ((SELECT app_is_admin()) OR "teamId" = ANY ((SELECT app_visible_team_ids())::uuid[])));
