-- Integrations hold connection secrets (encrypted) and their sync runs: admins of the workspace only.
GRANT SELECT, INSERT, UPDATE, DELETE ON "Integration", "IntegrationSync" TO enclave_app;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['Integration', 'IntegrationSync'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY system_all ON %I USING (current_user <> %L) WITH CHECK (current_user <> %L)',
                   t, 'enclave_app', 'enclave_app');
    EXECUTE format('CREATE POLICY app_admin ON %I TO enclave_app USING ("workspaceId" = (SELECT app_workspace_id()) AND (SELECT app_is_admin())) WITH CHECK ("workspaceId" = (SELECT app_workspace_id()) AND (SELECT app_is_admin()))', t);
  END LOOP;
END $$;
