-- Members settings: invitations (single-use, hashed tokens) and the indexes of the members table.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateTable
CREATE TABLE "Invitation" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Invitation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_tokenHash_key" ON "Invitation"("tokenHash");

-- CreateIndex
CREATE INDEX "Invitation_workspaceId_userId_createdAt_idx" ON "Invitation"("workspaceId", "userId", "createdAt");

-- CreateIndex
CREATE INDEX "Membership_workspaceId_createdAt_idx" ON "Membership"("workspaceId", "createdAt");

-- CreateIndex
CREATE INDEX "User_name_idx" ON "User"("name");

-- CreateIndex
CREATE INDEX "User_lastActiveAt_idx" ON "User"("lastActiveAt");

-- CreateIndex
CREATE INDEX "User_name_trgm_idx" ON "User" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "User_email_trgm_idx" ON "User" USING GIN ("email" gin_trgm_ops);

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-level security: invitations are managed by the admins of their workspace only; the system (migrations,
-- the public acceptance of a link, which runs before any viewer exists) goes through system_all.
GRANT SELECT, INSERT, UPDATE, DELETE ON "Invitation" TO enclave_app;
ALTER TABLE "Invitation" ENABLE ROW LEVEL SECURITY;
CREATE POLICY system_all ON "Invitation" USING (current_user <> 'enclave_app') WITH CHECK (current_user <> 'enclave_app');
CREATE POLICY app_admin ON "Invitation" TO enclave_app
  USING ("workspaceId" = (SELECT app_workspace_id()) AND (SELECT app_is_admin()))
  WITH CHECK ("workspaceId" = (SELECT app_workspace_id()) AND (SELECT app_is_admin()));

-- The members table reads every member of a workspace (50,000 in bench/members.ts). The foundation's User
-- policy called app_is_listable_user(id) per row, a query each: seconds for a sorted page. Same rule, stated
-- as a set: the workspace's member ids are hashed once per query (a correlated EXISTS measured 3-10x slower). (Membership's own policy still applies.)
DROP POLICY app_select ON "User";
CREATE POLICY app_select ON "User" FOR SELECT TO enclave_app
  USING (id = (SELECT app_user_id())
         OR ((SELECT app_is_internal())
             AND id IN (SELECT m."userId" FROM "Membership" m WHERE m."workspaceId" = (SELECT app_workspace_id()))
             AND ((SELECT app_is_admin()) OR status <> 'DEACTIVATED'))
         OR id IN (SELECT unnest(app_guest_visible_user_ids())));
