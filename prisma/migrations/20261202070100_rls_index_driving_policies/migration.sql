-- Policies whose own condition drives an index, so that row-level security stays fast without LEAKPROOF
-- (which needs a superuser, and so never exists on a managed PostgreSQL).
--
-- Under RLS, PostgreSQL holds back every condition of the query whose operator is not LEAKPROOF until the
-- policies have passed; such a condition cannot be an index condition. The policy's own qual can: it is
-- evaluated first anyway. But Resource's SELECT qual used to be an OR (system_all's `current_user <> …`, the
-- admin policy, `path && roots`), and an OR of a non-indexable arm is no index condition either: a guest's search
-- on 1,000,000 resources without a superuser scanned every row (0.9-3.9 s).
--
-- Now, for the app role, one condition says what a viewer may read: the row's *keys* (its workspace id followed by
-- its path: every ancestor and itself) overlap the viewer's keys (an admin: the workspace id; anyone else: the
-- resources assigned to a visible team; nobody: nothing). A GIN index on exactly that expression answers it,
-- whatever else the query says. Writes keep their own policies (admins; editors edit what they can see).
--
-- Admins' requests run as enclave_admin, a member of enclave_app (so every `TO enclave_app` policy applies to it
-- as well) with one more Resource policy: "an admin of this workspace" (checked against the tables, as always:
-- the role only opens the possibility). For an admin the planner then sees an OR and reads by the query's own
-- conditions; with the keys alone it estimated the admin's overlap as selective and AND-ed a bitmap of all
-- 1,000,000 rows into every catalog statement (90 ms -> 2.5 s).

-- The viewer's keys: exactly the rows app_select admits are those whose keys overlap these.
CREATE OR REPLACE FUNCTION app_resource_keys() RETURNS uuid[] LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
DECLARE r text := app_role();
BEGIN
  IF r IS NULL THEN RETURN '{}'::uuid[]; END IF;
  IF r = 'ADMIN' THEN RETURN ARRAY[app_workspace_id()]; END IF;
  RETURN app_resource_roots();
END $$;
GRANT EXECUTE ON FUNCTION app_resource_keys() TO enclave_app;

DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'enclave_admin') THEN
    CREATE ROLE enclave_admin NOLOGIN;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
GRANT enclave_app TO enclave_admin;
-- The owner switches to it as it does to enclave_app (a superuser can anyway).
DO $$ BEGIN
  EXECUTE format('GRANT enclave_admin TO %I', current_user);
EXCEPTION WHEN OTHERS THEN NULL;
END $$;

CREATE INDEX "Resource_visibility_keys_idx" ON "Resource" USING GIN ((ARRAY["workspaceId"] || path));

DROP POLICY app_select ON "Resource";
CREATE POLICY app_select ON "Resource" FOR SELECT TO enclave_app
  USING ("workspaceId" = (SELECT app_workspace_id())
         AND (ARRAY["workspaceId"] || path) && (SELECT app_resource_keys()));

CREATE POLICY app_admin_select ON "Resource" FOR SELECT TO enclave_admin
  USING ("workspaceId" = (SELECT app_workspace_id()) AND (SELECT app_is_admin()));

-- The admin policy was FOR ALL, so it was OR-ed into every SELECT of the app role: the same rights, writes only.
DROP POLICY app_admin ON "Resource";
CREATE POLICY app_admin_insert ON "Resource" FOR INSERT TO enclave_app
  WITH CHECK ("workspaceId" = (SELECT app_workspace_id()) AND (SELECT app_is_admin()));
CREATE POLICY app_admin_update ON "Resource" FOR UPDATE TO enclave_app
  USING ("workspaceId" = (SELECT app_workspace_id()) AND (SELECT app_is_admin()))
  WITH CHECK ("workspaceId" = (SELECT app_workspace_id()) AND (SELECT app_is_admin()));
CREATE POLICY app_admin_delete ON "Resource" FOR DELETE TO enclave_app
  USING ("workspaceId" = (SELECT app_workspace_id()) AND (SELECT app_is_admin()));

-- system_all (`current_user <> 'enclave_app'`) applies to every role, enclave_app included, and so was OR-ed into
-- Resource's SELECT too; for enclave_admin it would even admit every row of every workspace. It only ever admitted
-- the owner, which owns the tables and is not subject to their policies (20261202070000): gone from every table.
DO $$
DECLARE p record;
BEGIN
  FOR p IN SELECT tablename FROM pg_policies WHERE schemaname = 'public' AND policyname = 'system_all' LOOP
    EXECUTE format('DROP POLICY system_all ON %I', p.tablename);
  END LOOP;
END $$;
