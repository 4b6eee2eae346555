import "server-only";
import { can } from "@/lib/policy";
import { likeContains, textContains } from "@/lib/db/like";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ResourceType } from "@/lib/generated/prisma/enums";
import type { Viewer } from "@/lib/auth/resolve-viewer";
import { withViewer, type Tx } from "@/lib/db/scoped";
import { resourceScope, resourceScopeSql, teamScope, type ResourceScope } from "@/lib/access/scope";
import type { AdminResourceParams } from "./schemas";
import { capCount, COUNT_CAP } from "@/lib/db/cap";

export type AdminResourceRow = {
  id: string;
  type: ResourceType;
  name: string;
  /** Names of the ancestors, root first. */
  location: string[];
  removed: boolean;
  descendants: number;
  teams: { id: string; name: string; direct: boolean; via?: string }[];
};

/** `total` stops at COUNT_CAP (`totalCapped`): the table says "10,000+" and pages through the first 10,000 rows. */
export type AdminResourcePage = { rows: AdminResourceRow[]; total: number; totalCapped: boolean; page: number; size: number; pageCount: number };

/** The SQL column of each whitelisted sort but the name (schemas.ts RESOURCE_SORTS). */
const SORT_COLUMN: Record<Exclude<AdminResourceParams["sort"], "name">, string> = { type: "type", updatedAt: `"updatedAt"` };

/** Every assigned resource id of the given teams (all teams when none given). */
async function assignedIds(tx: Tx, viewer: Viewer, teamId?: string): Promise<string[]> {
  const rows = await tx.teamResource.findMany({
    where: { workspaceId: viewer.workspaceId, ...(teamId ? { teamId } : {}) },
    select: { resourceId: true },
    distinct: ["resourceId"],
  });
  return rows.map((r) => r.resourceId);
}

/** /settings/resources: every resource of the workspace (admins), filtered and paged on the server. */
export async function listAdminResources(viewer: Viewer, p: AdminResourceParams): Promise<AdminResourcePage> {
  if (!can(viewer.role, "assignments.manage")) return { rows: [], total: 0, totalCapped: false, page: 1, size: p.size, pageCount: 1 };
  return withViewer(viewer, async (tx) => {
    const and: Prisma.ResourceWhereInput[] = [{ workspaceId: viewer.workspaceId }];
    // The same filters as SQL, for the page's ids without a text filter (an index walk in the table's order).
    const sql: Prisma.Sql[] = [Prisma.sql`r."workspaceId" = ${viewer.workspaceId}::uuid`];
    if (p.q) and.push({ name: textContains(p.q) });
    if (p.type) {
      and.push({ type: p.type });
      sql.push(Prisma.sql`r.type = ${p.type}::"ResourceType"`);
    }
    if (p.integration) {
      and.push({ path: { has: p.integration } });
      sql.push(Prisma.sql`r.path @> ARRAY[${p.integration}::uuid]`);
    }
    let anyOf: string[] | null = null;
    let noneOf: string[] | null = null;
    if (p.team) {
      anyOf = await assignedIds(tx, viewer, p.team);
      and.push({ path: { hasSome: anyOf } });
      sql.push(Prisma.sql`r.path && ${anyOf}::uuid[]`);
    }
    if (p.unassigned) {
      noneOf = await assignedIds(tx, viewer);
      and.push({ NOT: { path: { hasSome: noneOf } } });
      sql.push(Prisma.sql`NOT (r.path && ${noneOf}::uuid[])`);
    }
    const where = { AND: and };
    // The count, stopped at the cap, and with a text filter the page's ids too, in one statement through the indexes
    // (app_admin_resources, migration 20261208020000: the admin's own workspace, ids and a count only). Under
    // row-level security neither is bounded: the capped count was a Seq Scan that met the heap's dead stretches by
    // chance (p95 461 ms at 1,000,000), and ILIKE (texticlike, not LEAKPROOF) cannot use the trigram index below the
    // policies, so every match was read and sorted (632 ms for "revenue"). The rows themselves are read below under
    // the policies with every filter, the text's included.
    const [bounded] = await tx.$queryRaw<{ ids: string[] | null; total: number }[]>(Prisma.sql`
      SELECT ids::text[] AS ids, total FROM app_admin_resources(${p.q ? likeContains(p.q) : null}::text, ${p.type}::text,
        ${p.integration}::uuid, ${anyOf}::uuid[], ${noneOf}::uuid[], ${p.sort}::text, ${p.dir === "desc"}::boolean,
        ${p.page}::int, ${p.size}::int, ${COUNT_CAP}::int)`);
    const { total, capped } = capCount(bounded?.total ?? 0);
    const pageCount = Math.max(1, Math.ceil(total / p.size));
    const page = Math.min(p.page, pageCount);
    // Without a text filter, the page's ids in SQL under row-level security (Prisma's where cannot order by the
    // collated name with the id after it as one index walk), in tableOrder's order: the column, then the name, then
    // the id. The function clamps its page as this does.
    const dir = p.dir === "desc" ? "DESC" : "ASC";
    const order = Prisma.raw(p.sort === "name" ? `r.name ${dir}, r.id ASC` : `r.${SORT_COLUMN[p.sort]} ${dir}, r.name ASC, r.id ASC`);
    const ids = !total
      ? []
      : bounded?.ids
        ? bounded.ids.map((id) => ({ id }))
        : await tx.$queryRaw<{ id: string }[]>(
            Prisma.sql`SELECT r.id::text AS id FROM "Resource" r WHERE ${Prisma.join(sql, " AND ")} ORDER BY ${order} LIMIT ${p.size} OFFSET ${(page - 1) * p.size}`,
          );
    const found = ids.length
      ? await tx.resource.findMany({ where: { AND: [where, { id: { in: ids.map((r) => r.id) } }] }, select: { id: true, type: true, name: true, path: true, removedAt: true } })
      : [];
    const byId = new Map(found.map((r) => [r.id, r]));
    const rows = ids.flatMap((r) => (byId.has(r.id) ? [byId.get(r.id)!] : []));
    const pathIds = [...new Set(rows.flatMap((r) => r.path))];
    const [names, assignments, descendantCounts] = await Promise.all([
      tx.resource.findMany({ where: { workspaceId: viewer.workspaceId, id: { in: pathIds } }, select: { id: true, name: true } }),
      tx.teamResource.findMany({
        where: { workspaceId: viewer.workspaceId, resourceId: { in: pathIds } },
        select: { resourceId: true, team: { select: { id: true, name: true } } },
      }),
      descendantsOf(tx, await resourceScope(tx, viewer), rows.map((r) => r.id)),
    ]);
    const nameOf = new Map(names.map((n) => [n.id, n.name]));
    return {
      rows: rows.map((r) => {
        const teams = new Map<string, AdminResourceRow["teams"][number]>();
        // nearest first: direct beats inherited, a closer ancestor beats a farther one
        for (const rid of [...r.path].reverse()) {
          for (const a of assignments.filter((x) => x.resourceId === rid)) {
            if (teams.has(a.team.id)) continue;
            teams.set(a.team.id, rid === r.id ? { id: a.team.id, name: a.team.name, direct: true } : { id: a.team.id, name: a.team.name, direct: false, via: nameOf.get(rid) });
          }
        }
        return {
          id: r.id,
          type: r.type,
          name: r.name,
          location: r.path.slice(0, -1).map((id) => nameOf.get(id) ?? "…"),
          removed: r.removedAt !== null,
          descendants: descendantCounts.get(r.id) ?? 0,
          teams: [...teams.values()].sort((a, b) => Number(b.direct) - Number(a.direct) || a.name.localeCompare(b.name)),
        };
      }),
      total,
      totalCapped: capped,
      page,
      size: p.size,
      pageCount,
    };
  });
}

/**
 * Number of descendants (not counting itself) of each given resource, within a scope (the viewer's, or the
 * whole workspace for admins), in one query; `live` leaves out removed resources.
 */
export async function descendantsOf(tx: Tx, scope: ResourceScope, ids: string[], opts: { live?: boolean } = {}): Promise<Map<string, number>> {
  if (!ids.length) return new Map();
  if (scope.roots === null) {
    // An admin's counts through the path index (app_descendant_counts, migration 20261206100600): under row-level
    // security without a superuser PostgreSQL cannot use it for `path @>`, and scanned the whole workspace.
    const rows = await tx.$queryRaw<{ id: string; n: bigint | number }[]>(
      Prisma.sql`SELECT id::text AS id, n FROM app_descendant_counts(${ids}::uuid[], ${opts.live ?? false})`,
    );
    return new Map(rows.map((r) => [r.id, Number(r.n)]));
  }
  const live = opts.live ? Prisma.sql`AND r."removedAt" IS NULL` : Prisma.empty;
  const rows = await tx.$queryRaw<{ id: string; n: bigint | number }[]>(Prisma.sql`
    SELECT a.id::text AS id, count(r.id) AS n
      FROM unnest(${ids}::uuid[]) AS a(id)
      JOIN "Resource" r ON ${resourceScopeSql(scope, "r")} AND r.path @> ARRAY[a.id] AND r.id <> a.id ${live}
     GROUP BY a.id`);
  return new Map(rows.map((r) => [r.id, Number(r.n)]));
}

export type TeamOption = { id: string; name: string; visibility: "PUBLIC" | "PRIVATE"; isDefault: boolean };
export type IntegrationOption = { id: string; name: string };

/**
 * The teams a resource may be assigned to (a resource page's Teams editor), without the integrations: at 1M
 * resources the integrations' read under RLS took the admin's resource page 2 s (bench/README.md, #18).
 */
export async function adminTeamOptions(viewer: Viewer): Promise<TeamOption[]> {
  if (!can(viewer.role, "assignments.manage")) return [];
  return withViewer(viewer, (tx) => readTeamOptions(tx, viewer));
}

function readTeamOptions(tx: Tx, viewer: Viewer): Promise<TeamOption[]> {
  return tx.team.findMany({ where: teamScope(viewer), select: { id: true, name: true, visibility: true, isDefault: true }, orderBy: [{ isDefault: "desc" }, { name: "asc" }] });
}

/** The filter and picker options of /settings/resources. */
export async function adminResourceOptions(viewer: Viewer): Promise<{ teams: TeamOption[]; integrations: IntegrationOption[] }> {
  if (!can(viewer.role, "assignments.manage")) return { teams: [], integrations: [] };
  return withViewer(viewer, async (tx) => {
    const teams = await readTeamOptions(tx, viewer);
    // Integrations are roots: `parentId IS NULL` reaches them through an index even under row-level security on a
    // managed PostgreSQL, where the enum's `=` is not LEAKPROOF (a Seq Scan of 1,000,000 rows, 17 s cold).
    const integrations = await tx.resource.findMany({ where: { workspaceId: viewer.workspaceId, parentId: null, type: "INTEGRATION" }, select: { id: true, name: true }, orderBy: { name: "asc" } });
    return { teams, integrations };
  });
}
