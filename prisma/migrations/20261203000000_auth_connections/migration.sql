-- AlterTable
ALTER TABLE "Group" ADD COLUMN     "connectionId" UUID,
ADD COLUMN     "externalId" TEXT;

-- AlterTable
ALTER TABLE "Membership" ADD COLUMN     "connectionId" UUID,
ADD COLUMN     "externalId" TEXT;

-- CreateTable
CREATE TABLE "AuthConnection" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "issuer" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "clientSecret" TEXT NOT NULL,
    "teamId" UUID,
    "defaultRole" "Role" NOT NULL DEFAULT 'VIEWER',
    "groupsClaim" TEXT NOT NULL DEFAULT 'groups',
    "groupMap" JSONB NOT NULL DEFAULT '{}',
    "scimTokenHash" TEXT,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AuthConnection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuthDomain" (
    "domain" TEXT NOT NULL,
    "workspaceId" UUID NOT NULL,
    "connectionId" UUID NOT NULL,
    "enforceSso" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "AuthDomain_pkey" PRIMARY KEY ("domain")
);

-- CreateTable
CREATE TABLE "SignInLink" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "browserHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SignInLink_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AuthConnection_scimTokenHash_key" ON "AuthConnection"("scimTokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "AuthConnection_workspaceId_name_key" ON "AuthConnection"("workspaceId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "AuthConnection_workspaceId_id_key" ON "AuthConnection"("workspaceId", "id");

-- CreateIndex
CREATE INDEX "AuthDomain_workspaceId_connectionId_idx" ON "AuthDomain"("workspaceId", "connectionId");

-- CreateIndex
CREATE UNIQUE INDEX "SignInLink_tokenHash_key" ON "SignInLink"("tokenHash");

-- CreateIndex
CREATE INDEX "SignInLink_userId_createdAt_idx" ON "SignInLink"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "Membership_workspaceId_connectionId_idx" ON "Membership"("workspaceId", "connectionId");

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_connection_fkey" FOREIGN KEY ("workspaceId", "connectionId") REFERENCES "AuthConnection"("workspaceId", "id") ON DELETE NO ACTION ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "AuthConnection" ADD CONSTRAINT "AuthConnection_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuthConnection" ADD CONSTRAINT "AuthConnection_team_fkey" FOREIGN KEY ("workspaceId", "teamId") REFERENCES "Team"("workspaceId", "id") ON DELETE NO ACTION ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "AuthDomain" ADD CONSTRAINT "AuthDomain_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuthDomain" ADD CONSTRAINT "AuthDomain_workspaceId_connectionId_fkey" FOREIGN KEY ("workspaceId", "connectionId") REFERENCES "AuthConnection"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SignInLink" ADD CONSTRAINT "SignInLink_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
