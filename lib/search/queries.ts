import "server-only";
import type { Viewer } from "@/lib/auth/resolve-viewer";
import { withViewer } from "@/lib/db/scoped";
import { resourceScope, teamScope, userScope, userScopeContext } from "@/lib/access/scope";
import type { ResourceType } from "@/lib/generated/prisma/enums";

export type SearchHit =
  | { kind: "resource"; id: string; type: ResourceType; name: string; description: string }
  | { kind: "person"; id: string; name: string; email: string }
  | { kind: "team"; id: string; slug: string; name: string; description: string };

export type SearchResult = { q: string; hits: SearchHit[] };

function rank(name: string, q: string): number {
  const n = name.toLowerCase();
  const t = q.toLowerCase();
  if (n === t) return 0;
  if (n.startsWith(t)) return 1;
  return 2;
}

/**
 * Resources, people and teams matching q, each scoped by the policy inside its query. Ordering (exact,
 * prefix, contains) is applied to the already-scoped rows only.
 */
export async function search(viewer: Viewer, q: string, opts: { take?: number } = {}): Promise<SearchResult> {
  const term = q.trim();
  if (!term) return { q: term, hits: [] };
  const take = opts.take ?? 50;
  return withViewer(viewer, async (tx) => {
    const scope = await resourceScope(tx, viewer);
    const like = { contains: term, mode: "insensitive" as const };
    // One connection per transaction: the three reads run one after the other.
    const resources = await tx.resource.findMany({
        where: { AND: [scope.where, { removedAt: null }, { OR: [{ name: like }, { description: like }] }] },
        select: { id: true, type: true, name: true, description: true },
        orderBy: { name: "asc" },
        take,
      });
    const people = await tx.user.findMany({
        where: { AND: [userScope(viewer, await userScopeContext(tx, viewer)), { OR: [{ name: like }, { email: like }] }] },
        select: { id: true, name: true, email: true },
        take: 10,
      });
    const teams = await tx.team.findMany({ where: { AND: [teamScope(viewer), { name: like }] }, select: { id: true, slug: true, name: true, description: true }, take: 10 });
    const hits: SearchHit[] = [
      ...teams.map((t) => ({ kind: "team" as const, ...t })),
      ...people.map((p) => ({ kind: "person" as const, ...p })),
      ...resources.map((r) => ({ kind: "resource" as const, ...r })),
    ];
    hits.sort((a, b) => rank(a.name, term) - rank(b.name, term));
    return { q: term, hits };
  });
}
