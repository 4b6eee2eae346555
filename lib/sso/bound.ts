import "server-only";
import { UserError } from "@/lib/actions/authorized";
import type { Viewer } from "@/lib/auth/resolve-viewer";
import type { Tx } from "@/lib/db/scoped";

// A person bound to a client connection is a Guest of that connection's team and nothing else, whatever an admin
// clicks: the members, teams and groups actions call these before they write (inside the admin's transaction,
// where row-level security lets admins read connections).

async function boundPeople(tx: Tx, viewer: Viewer, userIds: string[]) {
  if (!userIds.length) return [];
  return tx.membership.findMany({
    where: { workspaceId: viewer.workspaceId, userId: { in: [...new Set(userIds)] }, connection: { is: { kind: "client" } } },
    select: { user: { select: { name: true } }, connection: { select: { name: true, teamId: true } } },
  });
}

/** Refuses any role but Guest for someone bound to a client connection. */
export async function refuseBoundPromotion(tx: Tx, viewer: Viewer, userIds: string[], role: string): Promise<void> {
  if (role === "GUEST") return;
  const [first] = await boundPeople(tx, viewer, userIds);
  if (first) throw new UserError(`${first.user.name} signs in through the client connection ${first.connection?.name}: a Guest of its team, not promotable while bound. Nobody was changed.`);
}

/** Refuses putting someone bound to a client connection into any team but the connection's own. */
export async function refuseBoundElsewhere(tx: Tx, viewer: Viewer, userIds: string[], teamIds: string[]): Promise<void> {
  for (const b of await boundPeople(tx, viewer, userIds)) {
    if (teamIds.some((t) => t !== b.connection?.teamId)) {
      throw new UserError(`${b.user.name} signs in through the client connection ${b.connection?.name} and belongs to its team alone. Nobody was added.`);
    }
  }
}
