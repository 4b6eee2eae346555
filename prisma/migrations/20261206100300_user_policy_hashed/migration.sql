-- Back to 20261205100000's form of User's select policy (`id IN (the workspace's memberships)`, one hash per
-- statement). The per-row EXISTS of 20261206100100 made 25 users by id cheap, but PostgreSQL costs a policy's
-- subplan per execution of the scan it filters: on the inner side of a nested loop it chose the per-row probe for
-- each of 100,000 outer rows, and an admin's people search ("revenue", bench/explain.ts) went from a hash to
-- 99,999 probes, 1.48 s. The members table no longer reads User at all (Membership.sortName / sortEmail), which
-- was the probe's reason.
DROP POLICY app_select ON "User";
CREATE POLICY app_select ON "User" FOR SELECT TO enclave_app
  USING (id = (SELECT app_user_id())
         OR ((SELECT app_is_internal())
             AND id IN (SELECT m."userId" FROM "Membership" m WHERE m."workspaceId" = (SELECT app_workspace_id())
                                                               AND ((SELECT app_is_admin()) OR m.status <> 'DEACTIVATED'))
             AND ((SELECT app_is_admin()) OR status <> 'DEACTIVATED'))
         OR id = ANY ((SELECT app_guest_visible_user_ids())::uuid[]));
