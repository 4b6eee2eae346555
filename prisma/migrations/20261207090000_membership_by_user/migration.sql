-- Every request resolves its viewer by the person's active memberships (lib/auth/resolve-viewer.ts). With only
-- ("workspaceId", "userId") to go by, PostgreSQL walked that whole index for one user: 20 ms per request at 100,000
-- members (bench/README.md, session 7).
CREATE INDEX "Membership_userId_status_createdAt_idx" ON "Membership"("userId", "status", "createdAt");
