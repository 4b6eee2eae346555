-- No system_all policies (see 20261202070100): `current_user <> 'enclave_app'` is true for enclave_admin (admins'
-- transactions), so it would let an admin read and write other workspaces' rows; the owner, which it was for, is not
-- subject to the policies at all. 20261202071700 added one on WorkspaceSettings: dropped here with any other.
-- tests/integration/rls-owner.test.ts fails while one exists.
DO $$
DECLARE p record;
BEGIN
  FOR p IN SELECT tablename FROM pg_policies WHERE schemaname = 'public' AND policyname = 'system_all' LOOP
    EXECUTE format('DROP POLICY system_all ON %I', p.tablename);
  END LOOP;
END $$;
