-- CreateTable
CREATE TABLE "ResourceOwner" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "resourceId" UUID NOT NULL,
    "userId" UUID,
    "groupId" UUID,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ResourceOwner_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ResourceReference" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "fromId" UUID NOT NULL,
    "toId" UUID NOT NULL,
    "integrationId" UUID,
    "name" TEXT NOT NULL,
    "columns" TEXT NOT NULL,
    "refColumns" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ResourceReference_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ResourceOwner_workspaceId_userId_idx" ON "ResourceOwner"("workspaceId", "userId");

-- CreateIndex
CREATE INDEX "ResourceOwner_workspaceId_groupId_idx" ON "ResourceOwner"("workspaceId", "groupId");

-- CreateIndex
CREATE UNIQUE INDEX "ResourceOwner_workspaceId_resourceId_userId_key" ON "ResourceOwner"("workspaceId", "resourceId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "ResourceOwner_workspaceId_resourceId_groupId_key" ON "ResourceOwner"("workspaceId", "resourceId", "groupId");

-- CreateIndex
CREATE INDEX "ResourceReference_workspaceId_toId_idx" ON "ResourceReference"("workspaceId", "toId");

-- CreateIndex
CREATE INDEX "ResourceReference_workspaceId_integrationId_idx" ON "ResourceReference"("workspaceId", "integrationId");

-- CreateIndex
CREATE UNIQUE INDEX "ResourceReference_workspaceId_fromId_name_key" ON "ResourceReference"("workspaceId", "fromId", "name");

-- AddForeignKey
ALTER TABLE "ResourceOwner" ADD CONSTRAINT "ResourceOwner_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResourceOwner" ADD CONSTRAINT "ResourceOwner_workspaceId_resourceId_fkey" FOREIGN KEY ("workspaceId", "resourceId") REFERENCES "Resource"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResourceOwner" ADD CONSTRAINT "ResourceOwner_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResourceOwner" ADD CONSTRAINT "ResourceOwner_workspaceId_groupId_fkey" FOREIGN KEY ("workspaceId", "groupId") REFERENCES "Group"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResourceReference" ADD CONSTRAINT "ResourceReference_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResourceReference" ADD CONSTRAINT "ResourceReference_workspaceId_fromId_fkey" FOREIGN KEY ("workspaceId", "fromId") REFERENCES "Resource"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResourceReference" ADD CONSTRAINT "ResourceReference_workspaceId_toId_fkey" FOREIGN KEY ("workspaceId", "toId") REFERENCES "Resource"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;
