-- CreateTable
CREATE TABLE "SignInThrottle" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "blockedUntil" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SignInThrottle_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "SignInThrottle_updatedAt_idx" ON "SignInThrottle"("updatedAt");

-- Only the owner connection (sign-in runs before any viewer exists) touches the throttle: the app role gets no
-- privilege (the schema's default privileges would grant it) and, should one ever be granted, RLS with no policy.
REVOKE ALL ON "SignInThrottle" FROM enclave_app;
ALTER TABLE "SignInThrottle" ENABLE ROW LEVEL SECURITY;
