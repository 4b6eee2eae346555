-- What each automation run changed (for exact undo): admins of the workspace only, like Automation and
-- AutomationRun in the row-level security migration. The worker writes as the owner (system_all).
GRANT SELECT, INSERT, UPDATE, DELETE ON "AutomationRunChange" TO enclave_app;

ALTER TABLE "AutomationRunChange" ENABLE ROW LEVEL SECURITY;
CREATE POLICY system_all ON "AutomationRunChange" USING (current_user <> 'enclave_app') WITH CHECK (current_user <> 'enclave_app');
CREATE POLICY app_admin ON "AutomationRunChange" TO enclave_app
  USING ("workspaceId" = (SELECT app_workspace_id()) AND (SELECT app_is_admin()))
  WITH CHECK ("workspaceId" = (SELECT app_workspace_id()) AND (SELECT app_is_admin()));
