import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { can, type Role } from "@/lib/policy";
import { memberTeamIdsSql } from "@/lib/access/team-members";

export type Viewer = {
  userId: string;
  email: string;
  name: string;
  role: Role;
  workspaceId: string;
  workspaceName: string;
  /** Teams the viewer belongs to: direct, through groups, and General for every non-guest. */
  memberTeamIds: string[];
  /**
   * Set while an admin views the console as this person ("View as"): the admin who is really there. Every
   * read runs as the person above; every write is refused (lib/actions/authorized.ts).
   */
  actingAdmin?: { userId: string; name: string; email: string };
  /**
   * Set when the request came with an API token (lib/api/tokens.ts). A personal token's viewer is its owner,
   * resolved here like a session; a team token's (teamId set) is "a Guest of that team", with a userId that is
   * nobody, and row-level security reads the team from the token row itself (app.team_token_id).
   */
  apiToken?: { id: string; scope: "read" | "write"; teamId: string | null };
};

/**
 * Identity resolution reads as the system (before a viewer exists to scope anything by). It refuses a
 * missing, inactive or workspace-less user and a session minted before the last sessionVersion bump.
 */
export async function resolveViewer(prisma: PrismaClient, userId: string, sessionVersion: number, workspaceId?: unknown): Promise<Viewer | null> {
  return resolve(prisma, userId, sessionVersion, typeof workspaceId === "string" && UUID.test(workspaceId) ? workspaceId : null);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The session may name a workspace (the one chosen in the switcher, or the one an SSO sign-in was for): it is
 * honoured only while the person's membership there is active; otherwise, and without one, the viewer is in
 * the first workspace where the membership is active. The viewer's workspace is always read from the database.
 */
async function resolve(prisma: PrismaClient, userId: string, sessionVersion: number | null, preferred: string | null = null): Promise<Viewer | null> {
  if (!/^[0-9a-f-]{36}$/i.test(userId)) return null;
  if (preferred) {
    const chosen = await resolveIn(prisma, userId, sessionVersion, preferred);
    if (chosen) return chosen;
  }
  return resolveIn(prisma, userId, sessionVersion, null);
}

async function resolveIn(prisma: PrismaClient, userId: string, sessionVersion: number | null, only: string | null): Promise<Viewer | null> {
  // One statement, since every request runs it: the person, the first membership active in its workspace (only
  // one of those counts: invited or deactivated there is no way in) and that workspace's teams of theirs. Prisma's
  // nested reads took four round trips (bench/README.md, session 7).
  const rows = await prisma.$queryRaw<{ email: string; name: string; status: string; sessionVersion: number; role: string; workspaceId: string; workspaceName: string; teamIds: string[] }[]>(Prisma.sql`
    SELECT u.email, u.name, u.status::text AS status, u."sessionVersion", m.role::text AS role, m."workspaceId"::text AS "workspaceId", w.name AS "workspaceName",
           ARRAY(${memberTeamIdsSql(Prisma.sql`m."workspaceId"`, Prisma.sql`u.id`, Prisma.sql`m.role::text`)})::text[] AS "teamIds"
      FROM "User" u
      JOIN LATERAL (
        SELECT mm.role, mm."workspaceId" FROM "Membership" mm
         WHERE mm."userId" = u.id AND mm.status = 'ACTIVE'${only ? Prisma.sql` AND mm."workspaceId" = ${only}::uuid` : Prisma.empty}
         ORDER BY mm."createdAt" LIMIT 1
      ) m ON true
      JOIN "Workspace" w ON w.id = m."workspaceId"
     WHERE u.id = ${userId}::uuid`);
  const row = rows[0];
  if (!row || row.status !== "ACTIVE" || (sessionVersion !== null && row.sessionVersion !== sessionVersion)) return null;
  return {
    userId,
    email: row.email,
    name: row.name,
    role: row.role as Role,
    workspaceId: row.workspaceId,
    workspaceName: row.workspaceName,
    memberTeamIds: row.teamIds,
  };
}

/** The owner of a personal API token, resolved exactly as a session is (its current role, teams and status). */
export async function resolveTokenOwner(prisma: PrismaClient, userId: string, workspaceId?: string): Promise<Viewer | null> {
  // A token acts in its own workspace only: the owner's viewer there, or nobody.
  return workspaceId ? resolveIn(prisma, userId, null, workspaceId) : resolve(prisma, userId, null);
}

/**
 * "View as": the viewer of the person an admin chose, resolved by the very path above (so every page, query
 * and row-level security policy sees exactly that person), with `actingAdmin` naming the admin. Null, and the
 * claim ignored, unless the signed-in viewer is an admin (now, not when the claim was made), the claim is that
 * admin's and was made in the current session (same session id, same session version), and the person is someone else, active, in the same workspace.
 */
export async function resolveViewAs(
  prisma: PrismaClient,
  admin: Viewer,
  adminSessionVersion: number,
  claim: { adminUserId: string; targetUserId: string; sv: number; sid?: string },
  adminSessionId: string | null,
): Promise<Viewer | null> {
  if (admin.actingAdmin || !can(admin.role, "view-as.start")) return null;
  if (claim.adminUserId !== admin.userId || claim.sv !== adminSessionVersion || claim.targetUserId === admin.userId) return null;
  // Made in this very session: after any sign-out and a new sign-in the claim is someone else's past.
  if (!adminSessionId || claim.sid !== adminSessionId) return null;
  const target = await resolveIn(prisma, claim.targetUserId, null, admin.workspaceId);
  if (!target || target.workspaceId !== admin.workspaceId) return null;
  return { ...target, actingAdmin: { userId: admin.userId, name: admin.name, email: admin.email } };
}
