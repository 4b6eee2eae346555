import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Connection } from "./connect";
import { getConnection } from "./client";

// The owner connection bypasses row-level security: it is the one way to read before a viewer exists, or as
// the system. It is reachable only from here, and only by the callers named below, each in the one file that
// holds it (tests/unit/owner-connection.test.ts fails on any other use, an import of lib/db/client included).

export const OWNER_CALLERS = {
  /** withViewer opens each request's transaction on it, then switches to the app role before any query. */
  "with-viewer": "lib/db/scoped.ts",
  /** Sign-in checks a password before any viewer exists. */
  "sign-in": "lib/auth/options.ts",
  /** Every request resolves its session (and a "View as" claim) to a viewer. */
  "viewer-resolution": "lib/auth/viewer.ts",
  /** An invitation's token is the authorization: reading and accepting it happen before a viewer exists. */
  "invitation-lookup": "lib/invitations/queries.ts",
  "invitation-accept": "lib/invitations/actions.ts",
  /** Whether an email already has an account, in any workspace (an admin must not see the other workspace). */
  "emails-in-use": "lib/members/service.ts",
  /** The workspace switcher: the signed-in person's own active memberships. */
  "my-workspaces": "lib/workspaces/queries.ts",
  /** A deactivation or removal ends the person's sessions only when no other workspace keeps them signed in. */
  "member-sessions": "lib/members/service.ts",
  /** A password change's wrong guesses are counted in "SignInThrottle", which the app role may not touch. */
  "password-check-throttle": "lib/account/actions.ts",
  /** The automation worker runs as the system, on behalf of the admin who made the rule. */
  "automation-worker": "lib/automations/runner.ts",
  /** Schedules and after-sync triggers claim and queue runs as the system. */
  "automation-triggers": "lib/automations/triggers.ts",
  /** A rule's regular expressions are compiled by PostgreSQL in a short transaction of their own. */
  "automation-regex-check": "lib/automations/preview.ts",
  /** The sync worker claims, heartbeats and finishes runs as the system; it applies a catalog as the admin who started it. */
  "sync-worker": "lib/integrations/sync.ts",
  /** pg-boss shares the process's connection (or its embedded PGlite). */
  "job-queue": "lib/automations/queue.ts",
  /** An API token is resolved to its viewer (and its last use recorded) before any viewer exists. */
  "api-token-resolution": "lib/tokens/authenticate.ts",
  /** The API's per-token request counts: the server's own bookkeeping, shared by every app server. */
  "api-rate-limit": "lib/api/rate-limit.ts",
  /** The sign-in page routes an address to its domain's connection, before a viewer exists. */
  "sso-routing": "lib/sso/routing.ts",
  /** A sign-in through an OIDC connection finds or provisions the person, before a viewer exists. */
  "sso-sign-in": "lib/sso/provision.ts",
  /** The OIDC flow reads its connection (issuer, client, sealed secret) to talk to the provider. */
  "sso-discovery": "lib/sso/oidc.ts",
  /** E-mail sign-in links are issued and consumed before a viewer exists. */
  "sign-in-links": "lib/sign-in/links.ts",
  /** SCIM: a bearer token names a connection, whose scope (lib/scim/context.ts) bounds every query. */
  "scim-auth": "lib/scim/context.ts",
  "scim-users": "lib/scim/users.ts",
  "scim-groups": "lib/scim/groups.ts",
  /** The readiness check (no session): is the database up, are the migrations applied. It reads only Prisma's table. */
  "health-readiness": "lib/health/checks.ts",
  /** The demo warehouse's schemas live in Enclave's own database. */
  "demo-catalog-reader": "lib/integrations/source.ts",
} as const;

export type OwnerCaller = keyof typeof OWNER_CALLERS;

/** The owner Prisma client, for a named caller. */
export async function ownerDb(caller: OwnerCaller): Promise<PrismaClient> {
  void caller;
  return (await getConnection()).prisma;
}

/** The whole owner connection (engine, URL, the embedded PGlite), for a named caller. */
export async function ownerConnection(caller: OwnerCaller): Promise<Connection> {
  void caller;
  return getConnection();
}
