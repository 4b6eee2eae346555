-- Accounts across workspaces (#15 item 8). A User is one global account; its standing in each workspace is now
-- the Membership's own: invited there (not yet accepted), active, or deactivated there; the name that workspace
-- knows it by until the account joins (shownName); and its last activity there. Inviting, deactivating or
-- removing a person in one workspace never changes, nor shows, anything of another.
ALTER TABLE "Membership" ADD COLUMN     "lastActiveAt" TIMESTAMP(3),
ADD COLUMN     "shownName" TEXT,
ADD COLUMN     "status" "UserStatus" NOT NULL DEFAULT 'ACTIVE';

-- Every existing account has its memberships' standing as it was: nothing shown changes.
UPDATE "Membership" m SET status = u.status, "lastActiveAt" = u."lastActiveAt" FROM "User" u WHERE u.id = m."userId";

-- The viewer's role: only while the membership of this workspace is active (and the account is usable at all).
CREATE OR REPLACE FUNCTION app_role() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT CASE
    WHEN app_team_token_id() IS NOT NULL THEN (CASE WHEN app_token_team_id() IS NOT NULL THEN 'GUEST' END)
    ELSE (SELECT m.role::text FROM "Membership" m JOIN "User" u ON u.id = m."userId"
          WHERE m."workspaceId" = app_workspace_id() AND m."userId" = app_user_id() AND u.status = 'ACTIVE' AND m.status = 'ACTIVE')
  END
$$;

-- As in 20261202050100, with "deactivated" read from this workspace's membership.
CREATE OR REPLACE FUNCTION app_guest_visible_user_ids() RETURNS uuid[] LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
DECLARE
  ws uuid := app_workspace_id();
  me uuid := app_user_id();
  teams uuid[];
  cand uuid[];
  ids uuid[];
BEGIN
  IF app_role() IS DISTINCT FROM 'GUEST' THEN RETURN '{}'::uuid[]; END IF;
  teams := app_member_team_ids();
  SELECT coalesce(array_agg(x.uid), '{}'::uuid[]) INTO cand FROM (
    SELECT tm."userId" AS uid FROM "TeamMember" tm WHERE tm."workspaceId" = ws AND tm."teamId" = ANY(teams)
    UNION
    SELECT gm."userId" FROM "TeamGroup" tg
      JOIN "GroupMember" gm ON gm."workspaceId" = tg."workspaceId" AND gm."groupId" = tg."groupId"
      WHERE tg."workspaceId" = ws AND tg."teamId" = ANY(teams)
  ) x;
  IF EXISTS (SELECT 1 FROM "Team" t WHERE t."workspaceId" = ws AND t."isDefault" AND t.id = ANY(teams)) THEN
    cand := cand || coalesce((SELECT array_agg(m."userId") FROM "Membership" m WHERE m."workspaceId" = ws AND m.role <> 'GUEST'), '{}'::uuid[]);
  END IF;
  SELECT coalesce(array_agg(DISTINCT u.id), '{}'::uuid[]) INTO ids
    FROM "User" u JOIN "Membership" m ON m."workspaceId" = ws AND m."userId" = u.id
   WHERE u.id = ANY(cand) AND u.status <> 'DEACTIVATED' AND m.status <> 'DEACTIVATED';
  RETURN ids || me;
END $$;

-- People internal viewers may read: members of this workspace, the deactivated (here, or as an account) for admins only.
DROP POLICY app_select ON "User";
CREATE POLICY app_select ON "User" FOR SELECT TO enclave_app
  USING (id = (SELECT app_user_id())
         OR ((SELECT app_is_internal())
             AND id IN (SELECT m."userId" FROM "Membership" m WHERE m."workspaceId" = (SELECT app_workspace_id())
                                                               AND ((SELECT app_is_admin()) OR m.status <> 'DEACTIVATED'))
             AND ((SELECT app_is_admin()) OR status <> 'DEACTIVATED'))
         OR id = ANY ((SELECT app_guest_visible_user_ids())::uuid[]));
