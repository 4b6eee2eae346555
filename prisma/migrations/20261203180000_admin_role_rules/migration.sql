-- Admins' request transactions run as enclave_admin (20261202070100), which the column rules of
-- 20261202072100 did not name: an admin's transaction could then set a member's password hash or e-mail.
-- The rules fire for both app roles; the owner's own system writes stay unconcerned.
DROP TRIGGER IF EXISTS resource_column_rules ON "Resource";
CREATE TRIGGER resource_column_rules BEFORE UPDATE ON "Resource"
  FOR EACH ROW WHEN (current_user IN ('enclave_app', 'enclave_admin')) EXECUTE FUNCTION app_resource_column_rules();

DROP TRIGGER IF EXISTS user_column_rules ON "User";
CREATE TRIGGER user_column_rules BEFORE UPDATE ON "User"
  FOR EACH ROW WHEN (current_user IN ('enclave_app', 'enclave_admin')) EXECUTE FUNCTION app_user_column_rules();

-- 20261203000100 gave the sign-in tables system_all policies, which 20261202072000 removed everywhere before it:
-- `current_user <> 'enclave_app'` holds for enclave_admin, so an admin could read another workspace's connections.
-- The owner, which they were for, is not subject to the policies at all (no table is FORCEd).
DO $$
DECLARE p record;
BEGIN
  FOR p IN SELECT tablename FROM pg_policies WHERE schemaname = 'public' AND policyname = 'system_all' LOOP
    EXECUTE format('DROP POLICY system_all ON %I', p.tablename);
  END LOOP;
END $$;
