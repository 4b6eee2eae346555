-- API tokens under row-level security, and the viewer of a team token.
--
-- A personal token's request runs exactly as its owner's session (app.user_id = the owner). A team token's request
-- runs with app.user_id unset-like (a uuid that is nobody) and app.team_token_id = the token: the viewer is then
-- "a Guest of that team", read from the token row here (never from the request), and only while the token is
-- neither revoked nor expired. Nothing else changes for sessions: app.team_token_id is empty for them.

CREATE OR REPLACE FUNCTION app_team_token_id() RETURNS uuid LANGUAGE sql STABLE AS
$$ SELECT nullif(current_setting('app.team_token_id', true), '')::uuid $$;

-- The client team of the current team token, or NULL (no team token, or revoked, expired, foreign).
CREATE OR REPLACE FUNCTION app_token_team_id() RETURNS uuid LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT t."teamId" FROM "ApiToken" t
  WHERE t.id = app_team_token_id() AND t."workspaceId" = app_workspace_id()
    AND t."teamId" IS NOT NULL AND t."revokedAt" IS NULL AND t."expiresAt" > now()
$$;

-- As before for people; a valid team token is a GUEST, and nothing else counts while one is set.
CREATE OR REPLACE FUNCTION app_role() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT CASE
    WHEN app_team_token_id() IS NOT NULL THEN (CASE WHEN app_token_team_id() IS NOT NULL THEN 'GUEST' END)
    ELSE (SELECT m.role::text FROM "Membership" m JOIN "User" u ON u.id = m."userId"
          WHERE m."workspaceId" = app_workspace_id() AND m."userId" = app_user_id() AND u.status = 'ACTIVE')
  END
$$;

-- memberTeams as before; for a team token, exactly its team.
CREATE OR REPLACE FUNCTION app_member_team_ids() RETURNS uuid[] LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
DECLARE
  r text := app_role();
  ws uuid := app_workspace_id();
  me uuid := app_user_id();
  ids uuid[];
BEGIN
  IF r IS NULL THEN RETURN '{}'::uuid[]; END IF;
  IF app_team_token_id() IS NOT NULL THEN
    SELECT coalesce(array_agg(t.id), '{}'::uuid[]) INTO ids FROM "Team" t WHERE t."workspaceId" = ws AND t.id = app_token_team_id();
    RETURN ids;
  END IF;
  SELECT coalesce(array_agg(t.id), '{}'::uuid[]) INTO ids FROM "Team" t
  WHERE t."workspaceId" = ws AND (
    (t."isDefault" AND r <> 'GUEST')
    OR EXISTS (SELECT 1 FROM "TeamMember" tm
               WHERE tm."workspaceId" = ws AND tm."teamId" = t.id AND tm."userId" = me)
    OR EXISTS (SELECT 1 FROM "TeamGroup" tg
               JOIN "GroupMember" gm ON gm."workspaceId" = tg."workspaceId" AND gm."groupId" = tg."groupId"
               WHERE tg."workspaceId" = ws AND tg."teamId" = t.id AND gm."userId" = me));
  RETURN ids;
END $$;

GRANT EXECUTE ON FUNCTION app_team_token_id(), app_token_team_id() TO enclave_app;

ALTER TABLE "ApiToken" ENABLE ROW LEVEL SECURITY;
-- A person sees and revokes their own tokens; an admin every token of the workspace. A team token sees none.
CREATE POLICY app_select ON "ApiToken" FOR SELECT TO enclave_app
  USING ("workspaceId" = (SELECT app_workspace_id()) AND (SELECT app_team_token_id()) IS NULL
         AND (("userId" = (SELECT app_user_id()) AND (SELECT app_role()) IS NOT NULL) OR (SELECT app_is_admin())));
CREATE POLICY app_update ON "ApiToken" FOR UPDATE TO enclave_app
  USING ("workspaceId" = (SELECT app_workspace_id()) AND (SELECT app_team_token_id()) IS NULL
         AND (("userId" = (SELECT app_user_id()) AND (SELECT app_role()) IS NOT NULL) OR (SELECT app_is_admin())))
  WITH CHECK ("workspaceId" = (SELECT app_workspace_id()) AND (SELECT app_team_token_id()) IS NULL
         AND (("userId" = (SELECT app_user_id()) AND (SELECT app_role()) IS NOT NULL) OR (SELECT app_is_admin())));
-- Anyone active creates personal tokens for themselves only; team tokens are created by admins.
CREATE POLICY app_insert ON "ApiToken" FOR INSERT TO enclave_app
  WITH CHECK ("workspaceId" = (SELECT app_workspace_id()) AND (SELECT app_team_token_id()) IS NULL
              AND (("userId" = (SELECT app_user_id()) AND "teamId" IS NULL AND (SELECT app_role()) IS NOT NULL)
                   OR ("userId" IS NULL AND "teamId" IS NOT NULL AND (SELECT app_is_admin()))));

-- Rate-limit counters: the server's own bookkeeping, written as the owner; the app roles have no policy (denied).
-- (No system_all policies: see 20261202072000_no_system_all. The owner is not subject to the policies.)
-- (Not FORCEd, like every table: see 20261202070000_rls_owner_not_forced.)
ALTER TABLE "ApiRateLimit" ENABLE ROW LEVEL SECURITY;

-- The database's own column rule for tokens (as 20261202072100 for Resource and User): through the app roles a token
-- is only ever revoked. Its scope, expiry, owner, hash and last use cannot be changed, and a revocation not undone.
CREATE OR REPLACE FUNCTION app_api_token_column_rules() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.id <> OLD.id OR NEW."workspaceId" <> OLD."workspaceId" OR NEW."userId" IS DISTINCT FROM OLD."userId"
     OR NEW."teamId" IS DISTINCT FROM OLD."teamId" OR NEW.name <> OLD.name OR NEW.scope <> OLD.scope
     OR NEW."tokenHash" <> OLD."tokenHash" OR NEW.prefix <> OLD.prefix OR NEW."createdById" IS DISTINCT FROM OLD."createdById"
     OR NEW."createdAt" <> OLD."createdAt" OR NEW."expiresAt" <> OLD."expiresAt"
     OR NEW."lastUsedAt" IS DISTINCT FROM OLD."lastUsedAt" OR NEW."lastUsedIp" IS DISTINCT FROM OLD."lastUsedIp"
     OR (OLD."revokedAt" IS NOT NULL AND NEW."revokedAt" IS DISTINCT FROM OLD."revokedAt")
     OR (OLD."revokedAt" IS NULL AND NEW."revokedAt" IS NULL) THEN
    RAISE EXCEPTION 'an API token can only be revoked' USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER api_token_column_rules BEFORE UPDATE ON "ApiToken"
  FOR EACH ROW WHEN (current_user IN ('enclave_app', 'enclave_admin')) EXECUTE FUNCTION app_api_token_column_rules();
