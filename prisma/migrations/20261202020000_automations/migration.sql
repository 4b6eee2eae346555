-- AlterTable
ALTER TABLE "Automation" ADD COLUMN     "nextRunAt" TIMESTAMP(3),
ADD COLUMN     "triggerIntegrationId" UUID;

-- AlterTable
ALTER TABLE "AutomationRun" ADD COLUMN     "action" TEXT NOT NULL DEFAULT 'add',
ADD COLUMN     "cursor" TEXT,
ADD COLUMN     "heartbeatAt" TIMESTAMP(3),
ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'run',
ADD COLUMN     "rule" JSONB,
ADD COLUMN     "teamIds" UUID[] DEFAULT ARRAY[]::UUID[],
ADD COLUMN     "trigger" TEXT NOT NULL DEFAULT 'manual',
ADD COLUMN     "undoOfId" UUID,
ADD COLUMN     "undoneAt" TIMESTAMP(3),
ADD COLUMN     "undoneById" UUID;

-- CreateTable
CREATE TABLE "AutomationRunChange" (
    "workspaceId" UUID NOT NULL,
    "runId" UUID NOT NULL,
    "teamId" UUID NOT NULL,
    "resourceId" UUID NOT NULL,
    "op" TEXT NOT NULL,
    "prevSource" "AssignmentSource",
    "prevAutomationId" UUID,
    "prevCreatedById" UUID,
    "prevCreatedAt" TIMESTAMP(3),

    CONSTRAINT "AutomationRunChange_pkey" PRIMARY KEY ("workspaceId","runId","teamId","resourceId")
);

-- CreateIndex
CREATE INDEX "Automation_trigger_enabled_nextRunAt_idx" ON "Automation"("trigger", "enabled", "nextRunAt");

-- CreateIndex
CREATE INDEX "AutomationRun_status_heartbeatAt_idx" ON "AutomationRun"("status", "heartbeatAt");

-- CreateIndex
CREATE UNIQUE INDEX "AutomationRun_workspaceId_id_key" ON "AutomationRun"("workspaceId", "id");

-- AddForeignKey
ALTER TABLE "AutomationRunChange" ADD CONSTRAINT "AutomationRunChange_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AutomationRunChange" ADD CONSTRAINT "AutomationRunChange_workspaceId_runId_fkey" FOREIGN KEY ("workspaceId", "runId") REFERENCES "AutomationRun"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;
