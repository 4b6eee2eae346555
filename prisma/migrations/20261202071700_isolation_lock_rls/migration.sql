-- The workspace's settings (the isolation lock): read and changed by its admins only; the automation worker
-- reads them as the owner (system_all). A workspace without a row has the defaults (the lock on).
GRANT SELECT, INSERT, UPDATE ON "WorkspaceSettings" TO enclave_app;

ALTER TABLE "WorkspaceSettings" ENABLE ROW LEVEL SECURITY;
CREATE POLICY system_all ON "WorkspaceSettings" USING (current_user <> 'enclave_app') WITH CHECK (current_user <> 'enclave_app');
CREATE POLICY app_admin ON "WorkspaceSettings" TO enclave_app
  USING ("workspaceId" = (SELECT app_workspace_id()) AND (SELECT app_is_admin()))
  WITH CHECK ("workspaceId" = (SELECT app_workspace_id()) AND (SELECT app_is_admin()));
