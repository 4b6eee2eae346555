// Stands in for @/lib/auth/viewer in integration tests of server actions (there is no request there):
//   vi.mock("@/lib/auth/viewer", () => import("../helpers/mock-viewer"));
//   actAs(await db.viewer("ana@northwind.test")); const res = await someAction(input);
// actAs re-resolves nothing: pass a fresh db.viewer(...) after changing roles or memberships.
// "View as" goes through the real cookie signing and lib/auth/resolve-viewer.ts: the cookie jar is in memory
// (viewAsCookieValue / setViewAsCookieValue let a test read or tamper with it).
import crypto from "node:crypto";
import type { Viewer } from "@/lib/auth/resolve-viewer";
import { resolveViewAs } from "@/lib/auth/resolve-viewer";
import { signViewAs, verifyViewAs } from "@/lib/auth/view-as";
import { getConnection } from "@/lib/db/client";

const db = async () => (await getConnection()).prisma;

export type { Viewer };

const SECRET = "test-secret-for-view-as";
let current: Viewer | null = null;
let viewAs: string | undefined;
// The session id of the signed-in person; a new one stands for a sign-out and a sign-in.
let sessionId = crypto.randomUUID();

export function actAs(viewer: Viewer | null): void {
  current = viewer;
}

/** As if the person signed out (by any path) and in again: a new session id. */
export function newTestSession(): void {
  sessionId = crypto.randomUUID();
}

export function testSessionId(): string {
  return sessionId;
}

export function viewAsCookieValue(): string | undefined {
  return viewAs;
}

export function setViewAsCookieValue(value: string | undefined): void {
  viewAs = value;
}

export function signTestViewAs(claim: { adminUserId: string; targetUserId: string; startedAt: number; sv: number; sid?: string }): string {
  return signViewAs({ sid: sessionId, ...claim }, SECRET);
}

async function sessionVersion(userId: string): Promise<number | null> {
  const u = await (await db()).user.findUnique({ where: { id: userId }, select: { sessionVersion: true } });
  return u?.sessionVersion ?? null;
}

export async function getSignedInViewer(): Promise<Viewer | null> {
  return current;
}

export async function getViewer(): Promise<Viewer | null> {
  if (!current || !viewAs) return current;
  const claim = verifyViewAs(viewAs, SECRET);
  const sv = await sessionVersion(current.userId);
  const acting = claim && sv !== null ? await resolveViewAs(await db(), current, sv, claim, sessionId) : null;
  if (!acting) {
    viewAs = undefined;
    return current;
  }
  return acting;
}

export async function setViewAsCookie(targetUserId: string): Promise<void> {
  if (!current) return;
  const sv = await sessionVersion(current.userId);
  viewAs = signViewAs({ adminUserId: current.userId, targetUserId, startedAt: Date.now(), sv: sv ?? -1, sid: sessionId }, SECRET);
}

// The workspace the session names (lib/auth/viewer.ts setSessionWorkspace), in memory.
let sessionWs: string | undefined;
export function sessionWorkspace(): string | undefined {
  return sessionWs;
}
export async function setSessionWorkspace(workspaceId: string): Promise<void> {
  sessionWs = workspaceId;
}

export async function clearViewAsCookie(): Promise<void> {
  viewAs = undefined;
}

export async function requireViewer(): Promise<Viewer> {
  const v = await getViewer();
  if (!v) throw new Error("requireViewer() with no viewer in a test");
  return v;
}
