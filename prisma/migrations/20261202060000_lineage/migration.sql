-- CreateEnum
CREATE TYPE "LineageKind" AS ENUM ('view', 'dbt', 'bi', 'manual');

-- CreateTable
CREATE TABLE "LineageEdge" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "fromId" UUID NOT NULL,
    "toId" UUID NOT NULL,
    "kind" "LineageKind" NOT NULL,
    "integrationId" UUID,
    "source" TEXT NOT NULL DEFAULT '',
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LineageEdge_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LineageEdge_workspaceId_toId_idx" ON "LineageEdge"("workspaceId", "toId");

-- CreateIndex
CREATE INDEX "LineageEdge_workspaceId_integrationId_idx" ON "LineageEdge"("workspaceId", "integrationId");

-- CreateIndex
CREATE UNIQUE INDEX "LineageEdge_workspaceId_fromId_toId_kind_key" ON "LineageEdge"("workspaceId", "fromId", "toId", "kind");

-- AddForeignKey
ALTER TABLE "LineageEdge" ADD CONSTRAINT "LineageEdge_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LineageEdge" ADD CONSTRAINT "LineageEdge_workspaceId_fromId_fkey" FOREIGN KEY ("workspaceId", "fromId") REFERENCES "Resource"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LineageEdge" ADD CONSTRAINT "LineageEdge_workspaceId_toId_fkey" FOREIGN KEY ("workspaceId", "toId") REFERENCES "Resource"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;
