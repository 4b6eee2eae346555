-- Sign-in connections hold client secrets (encrypted) and SCIM token hashes, and route e-mail domains: admins of
-- the workspace only. Sign-in, SCIM and e-mail links resolve identity before any viewer exists and run as the
-- owner (system_all), scoped in their queries (lib/sso, lib/scim).
GRANT SELECT, INSERT, UPDATE, DELETE ON "AuthConnection", "AuthDomain" TO enclave_app;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['AuthConnection', 'AuthDomain'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY system_all ON %I USING (current_user <> %L) WITH CHECK (current_user <> %L)',
                   t, 'enclave_app', 'enclave_app');
    EXECUTE format('CREATE POLICY app_admin ON %I TO enclave_app USING ("workspaceId" = (SELECT app_workspace_id()) AND (SELECT app_is_admin())) WITH CHECK ("workspaceId" = (SELECT app_workspace_id()) AND (SELECT app_is_admin()))', t);
  END LOOP;
END $$;

-- E-mail sign-in links are read and written by the sign-in path alone: no viewer ever touches them.
REVOKE ALL ON "SignInLink" FROM enclave_app;
ALTER TABLE "SignInLink" ENABLE ROW LEVEL SECURITY;
CREATE POLICY system_all ON "SignInLink" USING (current_user <> 'enclave_app') WITH CHECK (current_user <> 'enclave_app');
