-- Defence in depth: the policy of lib/policy, again, as row-level security.
-- Request transactions run `SET LOCAL ROLE enclave_app` with app.user_id and app.workspace_id set; every
-- tenant table has row-level security ENABLEd, so even a query that forgot its `where` returns only what the
-- viewer may see. Migrations, the seed and sign-in run as the owner, which owns the tables and so is not
-- subject to the policies. The tables are deliberately not FORCEd: the owner is a member of enclave_app (to
-- SET ROLE to it), so the `TO enclave_app` policies would apply to the owner too, and the SECURITY DEFINER
-- helpers below, which run as the owner, would re-enter them without end ("stack depth limit exceeded" on a
-- PostgreSQL without a superuser). The system_all policies stay for any other role.

-- The only hand-written index: exactly one default team (General) per workspace.
CREATE UNIQUE INDEX "Team_one_default" ON "Team"("workspaceId") WHERE "isDefault";

-- Roles are shared by every database of the server: two databases migrating at once may both try to create it.
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'enclave_app') THEN
    CREATE ROLE enclave_app NOLOGIN;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
-- The owner must be able to SET ROLE to it (a superuser can anyway; a plain owner needs the grant).
DO $$ BEGIN
  EXECUTE format('GRANT enclave_app TO %I', current_user);
EXCEPTION WHEN OTHERS THEN NULL;
END $$;

GRANT USAGE ON SCHEMA public TO enclave_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO enclave_app;
DO $$ BEGIN
  -- Absent in a shadow database, where migrations are replayed without Prisma's bookkeeping table.
  IF to_regclass('"_prisma_migrations"') IS NOT NULL THEN
    REVOKE ALL ON "_prisma_migrations" FROM enclave_app;
  END IF;
END $$;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO enclave_app;

-- ---------------------------------------------------------------------------------------------------------
-- The viewer's context. Only ids come from settings; the role and the teams are read from the tables.
CREATE OR REPLACE FUNCTION app_user_id() RETURNS uuid LANGUAGE sql STABLE AS
$$ SELECT nullif(current_setting('app.user_id', true), '')::uuid $$;

CREATE OR REPLACE FUNCTION app_workspace_id() RETURNS uuid LANGUAGE sql STABLE AS
$$ SELECT nullif(current_setting('app.workspace_id', true), '')::uuid $$;

-- NULL unless the viewer is an active member of the workspace: then every policy below denies.
CREATE OR REPLACE FUNCTION app_role() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT m.role::text FROM "Membership" m JOIN "User" u ON u.id = m."userId"
  WHERE m."workspaceId" = app_workspace_id() AND m."userId" = app_user_id() AND u.status = 'ACTIVE'
$$;

CREATE OR REPLACE FUNCTION app_is_internal() RETURNS boolean LANGUAGE sql STABLE AS
$$ SELECT coalesce(app_role() IN ('ADMIN', 'EDITOR', 'VIEWER'), false) $$;

CREATE OR REPLACE FUNCTION app_is_admin() RETURNS boolean LANGUAGE sql STABLE AS
$$ SELECT coalesce(app_role() = 'ADMIN', false) $$;

-- memberTeams: direct, through a group, and General for every non-guest.
CREATE OR REPLACE FUNCTION app_member_team_ids() RETURNS uuid[] LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
DECLARE
  r text := app_role();
  ws uuid := app_workspace_id();
  me uuid := app_user_id();
  ids uuid[];
BEGIN
  IF r IS NULL THEN RETURN '{}'::uuid[]; END IF;
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

CREATE OR REPLACE FUNCTION app_visible_team_ids() RETURNS uuid[] LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
DECLARE
  r text := app_role();
  ws uuid := app_workspace_id();
  ids uuid[];
BEGIN
  IF r IS NULL THEN RETURN '{}'::uuid[]; END IF;
  IF r = 'ADMIN' THEN
    SELECT coalesce(array_agg(id), '{}'::uuid[]) INTO ids FROM "Team" WHERE "workspaceId" = ws;
    RETURN ids;
  END IF;
  IF r = 'GUEST' THEN RETURN app_member_team_ids(); END IF;
  SELECT coalesce(array_agg(id), '{}'::uuid[]) INTO ids FROM "Team"
  WHERE "workspaceId" = ws AND (visibility = 'PUBLIC' OR id = ANY(app_member_team_ids()));
  RETURN ids;
END $$;

-- The resources assigned to a visible team: a resource is visible when its path (ancestors and self) meets them.
CREATE OR REPLACE FUNCTION app_resource_roots() RETURNS uuid[] LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT coalesce(array_agg(DISTINCT "resourceId"), '{}'::uuid[]) FROM "TeamResource"
  WHERE "workspaceId" = app_workspace_id() AND "teamId" = ANY(app_visible_team_ids())
$$;

-- For a guest: the people who share one of its teams (direct, through groups, everyone internal when the guest
-- is in General), and itself. Empty for other roles, whose directory is the whole workspace.
CREATE OR REPLACE FUNCTION app_guest_visible_user_ids() RETURNS uuid[] LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
DECLARE
  ws uuid := app_workspace_id();
  me uuid := app_user_id();
  teams uuid[];
  ids uuid[];
BEGIN
  IF app_role() IS DISTINCT FROM 'GUEST' THEN RETURN '{}'::uuid[]; END IF;
  teams := app_member_team_ids();
  SELECT coalesce(array_agg(DISTINCT x.uid), '{}'::uuid[]) INTO ids FROM (
    SELECT tm."userId" AS uid FROM "TeamMember" tm WHERE tm."workspaceId" = ws AND tm."teamId" = ANY(teams)
    UNION
    SELECT gm."userId" FROM "TeamGroup" tg
      JOIN "GroupMember" gm ON gm."workspaceId" = tg."workspaceId" AND gm."groupId" = tg."groupId"
      WHERE tg."workspaceId" = ws AND tg."teamId" = ANY(teams)
    UNION
    SELECT m."userId" FROM "Membership" m
      WHERE m."workspaceId" = ws AND m.role <> 'GUEST'
        AND EXISTS (SELECT 1 FROM "Team" t WHERE t."workspaceId" = ws AND t."isDefault" AND t.id = ANY(teams))
  ) x
  JOIN "Membership" m ON m."workspaceId" = ws AND m."userId" = x.uid
  JOIN "User" u ON u.id = x.uid
  WHERE u.status <> 'DEACTIVATED';
  RETURN ids || me;
END $$;

-- Whether a user belongs to the viewer's workspace and may be listed to this viewer.
CREATE OR REPLACE FUNCTION app_is_listable_user(uid uuid) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT EXISTS (
    SELECT 1 FROM "Membership" m JOIN "User" u ON u.id = m."userId"
    WHERE m."workspaceId" = app_workspace_id() AND m."userId" = uid
      AND (app_role() = 'ADMIN' OR u.status <> 'DEACTIVATED'))
$$;

-- Groups linked to a team the viewer can see: a guest may read their membership rows (ids only, never names)
-- to find its team-mates.
CREATE OR REPLACE FUNCTION app_visible_team_group_ids() RETURNS uuid[] LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT coalesce(array_agg(DISTINCT "groupId"), '{}'::uuid[]) FROM "TeamGroup"
  WHERE "workspaceId" = app_workspace_id() AND "teamId" = ANY(app_visible_team_ids())
$$;

CREATE OR REPLACE FUNCTION app_team_is_public(tid uuid) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT EXISTS (SELECT 1 FROM "Team" WHERE id = tid AND "workspaceId" = app_workspace_id() AND visibility = 'PUBLIC')
$$;

GRANT EXECUTE ON FUNCTION app_user_id(), app_workspace_id(), app_role(), app_is_internal(), app_is_admin(),
  app_member_team_ids(), app_visible_team_ids(), app_resource_roots(), app_guest_visible_user_ids(),
  app_is_listable_user(uuid), app_team_is_public(uuid), app_visible_team_group_ids() TO enclave_app;

-- ---------------------------------------------------------------------------------------------------------
-- The materialized path is computed by the database from the parent, never taken from a writer: a forged
-- path would otherwise move a resource into another client's view.
CREATE OR REPLACE FUNCTION resource_set_path() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE parent_path uuid[];
BEGIN
  -- Rewrites issued by resource_move_subtree below are trusted.
  IF TG_OP = 'UPDATE' AND pg_trigger_depth() > 1 THEN RETURN NEW; END IF;
  IF NEW."parentId" IS NULL THEN
    NEW.path := ARRAY[NEW.id];
  ELSE
    SELECT r.path INTO parent_path FROM "Resource" r WHERE r.id = NEW."parentId" AND r."workspaceId" = NEW."workspaceId";
    IF parent_path IS NULL THEN RAISE EXCEPTION 'parent resource % is not in this workspace', NEW."parentId"; END IF;
    IF NEW.id = ANY(parent_path) THEN RAISE EXCEPTION 'a resource cannot be moved under itself'; END IF;
    NEW.path := parent_path || NEW.id;
  END IF;
  NEW.depth := array_length(NEW.path, 1) - 1;
  RETURN NEW;
END $$;

CREATE TRIGGER resource_path BEFORE INSERT OR UPDATE OF "parentId", "path", "id" ON "Resource"
  FOR EACH ROW EXECUTE FUNCTION resource_set_path();

CREATE OR REPLACE FUNCTION resource_move_subtree() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF NEW.path IS DISTINCT FROM OLD.path THEN
    UPDATE "Resource"
       SET path = NEW.path || path[array_length(OLD.path, 1) + 1:],
           depth = array_length(NEW.path, 1) + array_length(path, 1) - array_length(OLD.path, 1) - 1
     WHERE "workspaceId" = NEW."workspaceId" AND path @> ARRAY[OLD.id] AND id <> OLD.id;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER resource_path_moved AFTER UPDATE OF "parentId" ON "Resource"
  FOR EACH ROW EXECUTE FUNCTION resource_move_subtree();

-- ---------------------------------------------------------------------------------------------------------
-- Policies. (SELECT fn()) makes each helper an init-plan, evaluated once per query instead of once per row.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['Workspace', 'User', 'Membership', 'Team', 'TeamMember', 'Group', 'GroupMember',
                           'TeamGroup', 'Resource', 'TeamResource', 'Automation', 'AutomationRun', 'AuditEvent'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY system_all ON %I USING (current_user <> %L) WITH CHECK (current_user <> %L)',
                   t, 'enclave_app', 'enclave_app');
  END LOOP;
END $$;

CREATE POLICY app_select ON "Workspace" FOR SELECT TO enclave_app
  USING (id = (SELECT app_workspace_id()) AND (SELECT app_role()) IS NOT NULL);
CREATE POLICY app_update ON "Workspace" FOR UPDATE TO enclave_app
  USING (id = (SELECT app_workspace_id()) AND (SELECT app_is_admin()))
  WITH CHECK (id = (SELECT app_workspace_id()) AND (SELECT app_is_admin()));

CREATE POLICY app_select ON "User" FOR SELECT TO enclave_app
  USING (id = (SELECT app_user_id())
         OR ((SELECT app_is_internal()) AND app_is_listable_user(id))
         OR id IN (SELECT unnest(app_guest_visible_user_ids())));
CREATE POLICY app_insert ON "User" FOR INSERT TO enclave_app WITH CHECK ((SELECT app_is_admin()));
CREATE POLICY app_update ON "User" FOR UPDATE TO enclave_app
  USING (id = (SELECT app_user_id()) OR ((SELECT app_is_admin()) AND app_is_listable_user(id)))
  WITH CHECK (id = (SELECT app_user_id()) OR ((SELECT app_is_admin()) AND app_is_listable_user(id)));

CREATE POLICY app_select ON "Membership" FOR SELECT TO enclave_app
  USING ("workspaceId" = (SELECT app_workspace_id())
         AND ((SELECT app_is_internal()) OR "userId" IN (SELECT unnest(app_guest_visible_user_ids()))));

CREATE POLICY app_select ON "Team" FOR SELECT TO enclave_app
  USING ("workspaceId" = (SELECT app_workspace_id()) AND id IN (SELECT unnest(app_visible_team_ids())));

CREATE POLICY app_select ON "TeamMember" FOR SELECT TO enclave_app
  USING ("workspaceId" = (SELECT app_workspace_id()) AND "teamId" IN (SELECT unnest(app_visible_team_ids())));
-- Internal people join and leave public teams themselves.
CREATE POLICY app_join ON "TeamMember" FOR INSERT TO enclave_app
  WITH CHECK ("workspaceId" = (SELECT app_workspace_id()) AND "userId" = (SELECT app_user_id())
              AND (SELECT app_is_internal()) AND app_team_is_public("teamId"));
CREATE POLICY app_leave ON "TeamMember" FOR DELETE TO enclave_app
  USING ("workspaceId" = (SELECT app_workspace_id()) AND "userId" = (SELECT app_user_id()) AND (SELECT app_is_internal()));

CREATE POLICY app_select ON "Group" FOR SELECT TO enclave_app
  USING ("workspaceId" = (SELECT app_workspace_id()) AND (SELECT app_is_internal()));

CREATE POLICY app_select ON "GroupMember" FOR SELECT TO enclave_app
  USING ("workspaceId" = (SELECT app_workspace_id())
         AND ((SELECT app_is_internal()) OR "userId" = (SELECT app_user_id())
              OR "groupId" IN (SELECT unnest(app_visible_team_group_ids()))));

CREATE POLICY app_select ON "TeamGroup" FOR SELECT TO enclave_app
  USING ("workspaceId" = (SELECT app_workspace_id()) AND "teamId" IN (SELECT unnest(app_visible_team_ids())));

CREATE POLICY app_select ON "Resource" FOR SELECT TO enclave_app
  USING ("workspaceId" = (SELECT app_workspace_id())
         AND ((SELECT app_is_admin()) OR path && (SELECT app_resource_roots())));
-- Editors edit descriptions and tags of what they can see.
CREATE POLICY app_update_editor ON "Resource" FOR UPDATE TO enclave_app
  USING ("workspaceId" = (SELECT app_workspace_id()) AND (SELECT app_role()) = 'EDITOR' AND path && (SELECT app_resource_roots()))
  WITH CHECK ("workspaceId" = (SELECT app_workspace_id()) AND (SELECT app_role()) = 'EDITOR' AND path && (SELECT app_resource_roots()));

CREATE POLICY app_select ON "TeamResource" FOR SELECT TO enclave_app
  USING ("workspaceId" = (SELECT app_workspace_id()) AND "teamId" IN (SELECT unnest(app_visible_team_ids())));

CREATE POLICY app_select ON "AuditEvent" FOR SELECT TO enclave_app
  USING ("workspaceId" = (SELECT app_workspace_id()) AND (SELECT app_is_admin()));
-- Everyone's changes are audited, in their own name only.
CREATE POLICY app_insert ON "AuditEvent" FOR INSERT TO enclave_app
  WITH CHECK ("workspaceId" = (SELECT app_workspace_id()) AND "actorId" = (SELECT app_user_id()) AND (SELECT app_role()) IS NOT NULL);

-- Admins manage people, teams, groups, assignments and automations of their own workspace.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['Membership', 'Team', 'TeamMember', 'Group', 'GroupMember', 'TeamGroup', 'Resource',
                           'TeamResource', 'Automation', 'AutomationRun'] LOOP
    EXECUTE format('CREATE POLICY app_admin ON %I TO enclave_app USING ("workspaceId" = (SELECT app_workspace_id()) AND (SELECT app_is_admin())) WITH CHECK ("workspaceId" = (SELECT app_workspace_id()) AND (SELECT app_is_admin()))', t);
  END LOOP;
END $$;
