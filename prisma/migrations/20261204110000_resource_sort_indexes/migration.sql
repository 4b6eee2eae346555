-- CreateIndex
CREATE INDEX IF NOT EXISTS "Resource_workspaceId_name_id_idx" ON "Resource"("workspaceId", "name", "id");

-- CreateIndex
CREATE INDEX IF NOT EXISTS "Resource_workspaceId_updatedAt_name_id_idx" ON "Resource"("workspaceId", "updatedAt" DESC, "name", "id");
