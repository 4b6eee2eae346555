-- The viewer's context, worked out once per transaction instead of once per policy reference.
--
-- Every policy asks the same questions of the session (its role, its teams, the resources assigned to them, the
-- people a guest may see), each through a function that reads the tables again. PostgreSQL answers each reference
-- to a protected table with its own InitPlan, so one statement asked them up to ten times, and a request of eight
-- statements some forty: 0.2-1.3 ms each, about half of a guest's search in the database (bench/README.md,
-- session 8). The issue's rule is that the viewer's scope is resolved once per request; inside the database this is
-- the transaction (withViewer's), so each answer is kept in a transaction-local setting, keyed by the context it
-- was worked out for (user, workspace, team token), and forgotten by any write to a table it was read from.
--
-- Trust is unchanged: the app's role already states who it acts for (app.user_id, set_config in the same
-- transaction); a forgotten `where` sets no setting. A write in the same transaction (a team created and then read
-- back, a membership accepted) forgets every answer at once through the statement triggers below, so no statement
-- ever reads an answer older than the transaction's last write to these tables.

CREATE OR REPLACE FUNCTION app_memo_key() RETURNS text LANGUAGE sql STABLE AS $$
  SELECT coalesce(current_setting('app.user_id', true), '') || '/' || coalesce(current_setting('app.workspace_id', true), '')
    || '/' || coalesce(current_setting('app.team_token_id', true), '') || '/' || coalesce(current_setting('app.memo_epoch', true), '')
$$;

-- The answer kept under `name` for the current context, or NULL when there is none.
CREATE OR REPLACE FUNCTION app_memo_get(name text) RETURNS text LANGUAGE plpgsql STABLE AS $$
DECLARE
  v text := current_setting('app.memo_' || name, true);
  k text := app_memo_key() || '|';
BEGIN
  IF v IS NULL OR left(v, length(k)) <> k THEN RETURN NULL; END IF;
  RETURN substr(v, length(k) + 1);
END $$;

CREATE OR REPLACE FUNCTION app_memo_put(name text, val text) RETURNS void LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  PERFORM set_config('app.memo_' || name, app_memo_key() || '|' || val, true);
END $$;

-- A write to a table the answers come from: every answer of this transaction is forgotten (the key changes).
CREATE OR REPLACE FUNCTION app_memo_forget() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM set_config('app.memo_epoch', (coalesce(nullif(current_setting('app.memo_epoch', true), ''), '0')::bigint + 1)::text, true);
  RETURN NULL;
END $$;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['User', 'Membership', 'Team', 'TeamMember', 'Group', 'GroupMember', 'TeamGroup', 'TeamResource', 'ApiToken'] LOOP
    EXECUTE format('DROP TRIGGER IF EXISTS app_memo_forget ON %I', t);
    EXECUTE format('CREATE TRIGGER app_memo_forget AFTER INSERT OR UPDATE OR DELETE ON %I FOR EACH STATEMENT EXECUTE FUNCTION app_memo_forget()', t);
    EXECUTE format('DROP TRIGGER IF EXISTS app_memo_forget_truncate ON %I', t);
    EXECUTE format('CREATE TRIGGER app_memo_forget_truncate AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION app_memo_forget()', t);
  END LOOP;
END $$;

-- The same answers as before (20261205100000, 20261203170100, 20261201000100), each kept once worked out. A very
-- long list is not kept (parsing it back would cost what reading it does).

CREATE OR REPLACE FUNCTION app_role() RETURNS text LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
DECLARE
  m text := app_memo_get('role');
  r text;
BEGIN
  IF m IS NOT NULL THEN RETURN nullif(m, ''); END IF;
  r := CASE
    WHEN app_team_token_id() IS NOT NULL THEN (CASE WHEN app_token_team_id() IS NOT NULL THEN 'GUEST' END)
    ELSE (SELECT mb.role::text FROM "Membership" mb JOIN "User" u ON u.id = mb."userId"
          WHERE mb."workspaceId" = app_workspace_id() AND mb."userId" = app_user_id() AND u.status = 'ACTIVE' AND mb.status = 'ACTIVE')
  END;
  PERFORM app_memo_put('role', coalesce(r, ''));
  RETURN r;
END $$;

CREATE OR REPLACE FUNCTION app_member_team_ids() RETURNS uuid[] LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
DECLARE
  m text := app_memo_get('member_teams');
  r text;
  ws uuid;
  me uuid;
  ids uuid[];
BEGIN
  IF m IS NOT NULL THEN RETURN m::uuid[]; END IF;
  r := app_role();
  ws := app_workspace_id();
  me := app_user_id();
  IF r IS NULL THEN
    ids := '{}'::uuid[];
  ELSIF app_team_token_id() IS NOT NULL THEN
    SELECT coalesce(array_agg(t.id), '{}'::uuid[]) INTO ids FROM "Team" t WHERE t."workspaceId" = ws AND t.id = app_token_team_id();
  ELSE
    SELECT coalesce(array_agg(t.id), '{}'::uuid[]) INTO ids FROM "Team" t
    WHERE t."workspaceId" = ws AND (
      (t."isDefault" AND r <> 'GUEST')
      OR EXISTS (SELECT 1 FROM "TeamMember" tm
                 WHERE tm."workspaceId" = ws AND tm."teamId" = t.id AND tm."userId" = me)
      OR EXISTS (SELECT 1 FROM "TeamGroup" tg
                 JOIN "GroupMember" gm ON gm."workspaceId" = tg."workspaceId" AND gm."groupId" = tg."groupId"
                 WHERE tg."workspaceId" = ws AND tg."teamId" = t.id AND gm."userId" = me));
  END IF;
  IF cardinality(ids) <= 5000 THEN PERFORM app_memo_put('member_teams', ids::text); END IF;
  RETURN ids;
END $$;

CREATE OR REPLACE FUNCTION app_visible_team_ids() RETURNS uuid[] LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
DECLARE
  m text := app_memo_get('visible_teams');
  r text;
  ws uuid;
  ids uuid[];
BEGIN
  IF m IS NOT NULL THEN RETURN m::uuid[]; END IF;
  r := app_role();
  ws := app_workspace_id();
  IF r IS NULL THEN
    ids := '{}'::uuid[];
  ELSIF r = 'ADMIN' THEN
    SELECT coalesce(array_agg(id), '{}'::uuid[]) INTO ids FROM "Team" WHERE "workspaceId" = ws;
  ELSIF r = 'GUEST' THEN
    ids := app_member_team_ids();
  ELSE
    SELECT coalesce(array_agg(id), '{}'::uuid[]) INTO ids FROM "Team"
    WHERE "workspaceId" = ws AND (visibility = 'PUBLIC' OR id = ANY(app_member_team_ids()));
  END IF;
  IF cardinality(ids) <= 5000 THEN PERFORM app_memo_put('visible_teams', ids::text); END IF;
  RETURN ids;
END $$;

CREATE OR REPLACE FUNCTION app_resource_roots() RETURNS uuid[] LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
DECLARE
  m text := app_memo_get('roots');
  ids uuid[];
BEGIN
  IF m IS NOT NULL THEN RETURN m::uuid[]; END IF;
  SELECT coalesce(array_agg(DISTINCT "resourceId"), '{}'::uuid[]) INTO ids FROM "TeamResource"
   WHERE "workspaceId" = app_workspace_id() AND "teamId" = ANY(app_visible_team_ids());
  IF cardinality(ids) <= 20000 THEN PERFORM app_memo_put('roots', ids::text); END IF;
  RETURN ids;
END $$;

CREATE OR REPLACE FUNCTION app_visible_team_group_ids() RETURNS uuid[] LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
DECLARE
  m text := app_memo_get('team_groups');
  ids uuid[];
BEGIN
  IF m IS NOT NULL THEN RETURN m::uuid[]; END IF;
  SELECT coalesce(array_agg(DISTINCT "groupId"), '{}'::uuid[]) INTO ids FROM "TeamGroup"
   WHERE "workspaceId" = app_workspace_id() AND "teamId" = ANY(app_visible_team_ids());
  IF cardinality(ids) <= 5000 THEN PERFORM app_memo_put('team_groups', ids::text); END IF;
  RETURN ids;
END $$;

CREATE OR REPLACE FUNCTION app_guest_visible_user_ids() RETURNS uuid[] LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
DECLARE
  m text := app_memo_get('guest_users');
  ws uuid := app_workspace_id();
  me uuid := app_user_id();
  teams uuid[];
  cand uuid[];
  ids uuid[];
BEGIN
  IF m IS NOT NULL THEN RETURN m::uuid[]; END IF;
  IF app_role() IS DISTINCT FROM 'GUEST' THEN
    ids := '{}'::uuid[];
  ELSE
    teams := app_member_team_ids();
    SELECT coalesce(array_agg(x.uid), '{}'::uuid[]) INTO cand FROM (
      SELECT tm."userId" AS uid FROM "TeamMember" tm WHERE tm."workspaceId" = ws AND tm."teamId" = ANY(teams)
      UNION
      SELECT gm."userId" FROM "TeamGroup" tg
        JOIN "GroupMember" gm ON gm."workspaceId" = tg."workspaceId" AND gm."groupId" = tg."groupId"
        WHERE tg."workspaceId" = ws AND tg."teamId" = ANY(teams)
    ) x;
    IF EXISTS (SELECT 1 FROM "Team" t WHERE t."workspaceId" = ws AND t."isDefault" AND t.id = ANY(teams)) THEN
      cand := cand || coalesce((SELECT array_agg(mb."userId") FROM "Membership" mb WHERE mb."workspaceId" = ws AND mb.role <> 'GUEST'), '{}'::uuid[]);
    END IF;
    SELECT coalesce(array_agg(DISTINCT u.id), '{}'::uuid[]) INTO ids
      FROM "User" u JOIN "Membership" mb ON mb."workspaceId" = ws AND mb."userId" = u.id
     WHERE u.id = ANY(cand) AND u.status <> 'DEACTIVATED' AND mb.status <> 'DEACTIVATED';
    ids := ids || me;
  END IF;
  IF cardinality(ids) <= 20000 THEN PERFORM app_memo_put('guest_users', ids::text); END IF;
  RETURN ids;
END $$;
