import "server-only";
import { textContains } from "@/lib/db/like";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Viewer } from "@/lib/auth/resolve-viewer";
import { withViewer, type Tx } from "@/lib/db/scoped";
import { resourceScope, teamScope, type ResourceScope } from "@/lib/access/scope";
import { can, seesWholeWorkspace } from "@/lib/policy";
import { SECTIONS, type ChildrenParams, type SectionKey } from "./schemas";
import type { Crumb, ResourceDetail, ResourceReferenceDto, ResourceSummary, ResourceTeam } from "./types";
import { ownersIn } from "@/lib/owners/queries";
import { tableOrder } from "@/lib/db/order";
import type { ResourceType } from "@/lib/generated/prisma/enums";

const summarySelect = { id: true, type: true, name: true, description: true, tags: true, removedAt: true, meta: true } as const;

type SummaryRow = Prisma.ResourceGetPayload<{ select: typeof summarySelect }>;

async function withChildCounts(tx: Tx, rows: SummaryRow[]): Promise<ResourceSummary[]> {
  if (!rows.length) return [];
  // Children of a visible resource are visible: app_child_counts (migration 20261206101300) counts them in the
  // parentId index under the session's own visibility rule for the parent (the policy's), where under the policies
  // every child's heap row was read (the admin's integrations: 7,838 rows, 30 ms at 1,000,000 resources).
  const counts = await tx.$queryRaw<{ id: string; n: bigint }[]>(
    Prisma.sql`SELECT id::text AS id, n FROM app_child_counts(${rows.map((r) => r.id)}::uuid[])`,
  );
  const byParent = new Map(counts.map((c) => [c.id, Number(c.n)]));
  return rows.map((r) => ({
    id: r.id,
    type: r.type,
    name: r.name,
    description: r.description,
    tags: r.tags,
    childCount: byParent.get(r.id) ?? 0,
    removed: r.removedAt !== null,
    dataType: typeof (r.meta as { dataType?: unknown } | null)?.dataType === "string" ? (r.meta as { dataType: string }).dataType : undefined,
    nullable: typeof (r.meta as { nullable?: unknown } | null)?.nullable === "boolean" ? (r.meta as { nullable: boolean }).nullable : undefined,
    primaryKey: (r.meta as { primaryKey?: unknown } | null)?.primaryKey === true || undefined,
  }));
}

/**
 * The top of what the viewer can see: for admins the roots of the catalog; for everyone else each visible
 * resource whose parent is not visible (a guest granted a schema starts at the schema, not at the warehouse).
 */
export async function listCatalogTops(viewer: Viewer): Promise<ResourceSummary[]> {
  return withViewer(viewer, async (tx) => {
    const scope = await resourceScope(tx, viewer);
    const rows = await tx.resource.findMany({ where: topsWhere(viewer, scope), select: summarySelect, orderBy: [{ type: "asc" }, { name: "asc" }, { id: "asc" }] });
    return withChildCounts(tx, rows);
  });
}

/** One resource as the viewer may see it, or null: a resource out of scope and a missing one look the same. */
export async function getResourceDetail(viewer: Viewer, id: string): Promise<ResourceDetail | null> {
  return withViewer(viewer, async (tx) => {
    const scope = await resourceScope(tx, viewer);
    const r = await tx.resource.findFirst({
      where: { AND: [scope.where, { id }] },
      select: { ...summarySelect, path: true, createdAt: true, updatedAt: true },
    });
    if (!r) return null;
    const ancestorIds = r.path.slice(0, -1);
    const visibleAncestors = ancestorIds.length
      ? await tx.resource.findMany({ where: { AND: [scope.where, { id: { in: ancestorIds } }] }, select: { id: true, type: true, name: true } })
      : [];
    const byId = new Map(visibleAncestors.map((a) => [a.id, a]));
    const breadcrumb: Crumb[] = ancestorIds.flatMap((aid) => (byId.has(aid) ? [byId.get(aid)!] : []));

    // Assignments of this resource or any ancestor, to teams the viewer can see.
    const assignments = await tx.teamResource.findMany({
      where: { workspaceId: viewer.workspaceId, resourceId: { in: r.path }, team: teamScope(viewer) },
      select: { resourceId: true, source: true, automationId: true, team: { select: { id: true, name: true, slug: true, visibility: true } } },
    });
    // Automation names for "by automation …": RLS lets only admins read automations, so others see none.
    const automationIds = [...new Set(assignments.flatMap((a) => (a.automationId ? [a.automationId] : [])))];
    const automationNames = new Map(
      automationIds.length && can(viewer.role, "automations.manage")
        ? (await tx.automation.findMany({ where: { workspaceId: viewer.workspaceId, id: { in: automationIds } }, select: { id: true, name: true } })).map((a) => [a.id, a.name])
        : [],
    );
    const depthOf = new Map(r.path.map((pid, i) => [pid, i]));
    // Nearest assignment first: "direct" beats "inherited", a closer ancestor beats a farther one.
    assignments.sort((a, b) => depthOf.get(b.resourceId)! - depthOf.get(a.resourceId)!);
    const teams = new Map<string, ResourceTeam>();
    for (const a of assignments) {
      if (teams.has(a.team.id)) continue;
      const from = a.resourceId === r.id ? null : byId.get(a.resourceId);
      if (a.resourceId !== r.id && !from) continue; // an ancestor the viewer cannot see is never named
      teams.set(a.team.id, {
        teamId: a.team.id,
        teamName: a.team.name,
        teamSlug: a.team.slug,
        visibility: a.team.visibility,
        source: from
          ? { kind: "inherited", from, by: a.source, automation: (a.automationId && automationNames.get(a.automationId)) || null }
          : { kind: "direct", by: a.source, automation: (a.automationId && automationNames.get(a.automationId)) || null },
      });
    }
    const [summary] = await withChildCounts(tx, [r]);
    const meta = { ...((r.meta ?? {}) as Record<string, unknown>) };
    // A view's definition names the relations it reads: shown only when the viewer can see every one of them.
    if ("definition" in meta && !seesWholeWorkspace(viewer.role)) {
      const [ok] = await tx.$queryRaw<{ ok: boolean }[]>`SELECT app_lineage_sources_visible(${r.id}::uuid) AS ok`;
      if (!ok?.ok) delete meta.definition;
    }
    const [synced] = await tx.$queryRaw<{ at: Date | null }[]>`SELECT app_last_synced(${r.id}::uuid) AS at`;
    return {
      ...summary,
      meta,
      owners: await ownersIn(tx, viewer, r.id, scope),
      lastSyncedAt: synced?.at ? new Date(synced.at).toISOString() : null,
      references: r.type === "TABLE" || r.type === "VIEW" ? await referencesOf(tx, scope, r.id) : { out: [], in: [] },
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
      breadcrumb,
      hiddenAncestors: breadcrumb.length < ancestorIds.length,
      teams: [...teams.values()].sort((a, b) => a.teamName.localeCompare(b.teamName)),
      canEdit: can(viewer.role, "resources.edit"),
    };
  });
}

/**
 * A table's foreign keys both ways, each only when the table at the other end is visible to the viewer (the scope
 * in the where; RLS says the same underneath). The other table is named with its schema when the viewer can see
 * the schema, so no hidden ancestor is ever named.
 */
async function referencesOf(tx: Tx, scope: ResourceScope, id: string): Promise<{ out: ResourceReferenceDto[]; in: ResourceReferenceDto[] }> {
  const sel = { id: true, name: true, parentId: true } as const;
  const [outRows, inRows] = await Promise.all([
    tx.resourceReference.findMany({ where: { fromId: id, from: scope.where, to: scope.where }, select: { name: true, columns: true, refColumns: true, to: { select: sel } }, orderBy: { name: "asc" } }),
    tx.resourceReference.findMany({ where: { toId: id, to: scope.where, from: scope.where }, select: { name: true, columns: true, refColumns: true, from: { select: sel } }, orderBy: { name: "asc" } }),
  ]);
  const parentIds = [...new Set([...outRows.map((r) => r.to.parentId), ...inRows.map((r) => r.from.parentId)].filter((x): x is string => !!x))];
  const parents = parentIds.length ? await tx.resource.findMany({ where: { AND: [scope.where, { id: { in: parentIds } }] }, select: { id: true, name: true } }) : [];
  const parentName = new Map(parents.map((p) => [p.id, p.name]));
  const dto = (t: { id: string; name: string; parentId: string | null }, r: { name: string; columns: string; refColumns: string }): ResourceReferenceDto => ({
    tableId: t.id,
    table: t.parentId && parentName.has(t.parentId) ? `${parentName.get(t.parentId)}.${t.name}` : t.name,
    constraint: r.name,
    columns: r.columns,
    refColumns: r.refColumns,
  });
  return { out: outRows.map((r) => dto(r.to, r)), in: inRows.map((r) => dto(r.from, r)) };
}

export type ChildrenPage = { rows: ResourceSummary[]; total: number; page: number; size: number; pageCount: number };

/** A page of a resource's visible children; the total counts only what the viewer can see. */
export async function listChildren(viewer: Viewer, parentId: string, p: ChildrenParams): Promise<ChildrenPage> {
  return withViewer(viewer, async (tx) => {
    const scope = await resourceScope(tx, viewer);
    const where: Prisma.ResourceWhereInput = {
      AND: [scope.where, { parentId }, p.q ? { name: textContains(p.q) } : {}],
    };
    const total = await tx.resource.count({ where });
    const pageCount = Math.max(1, Math.ceil(total / p.size));
    const page = Math.min(p.page, pageCount);
    const rows = await tx.resource.findMany({
      where,
      select: summarySelect,
      orderBy: tableOrder(p.sort, p.dir),
      skip: (page - 1) * p.size,
      take: p.size,
    });
    return { rows: await withChildCounts(tx, rows), total, page, size: p.size, pageCount };
  });
}

/** Ids of every resource the viewer can see (tests and parity checks). */
export async function listVisibleResourceIds(viewer: Viewer): Promise<string[]> {
  return withViewer(viewer, async (tx) => {
    const scope = await resourceScope(tx, viewer);
    const rows = await tx.resource.findMany({ where: scope.where, select: { id: true } });
    return rows.map((r) => r.id);
  });
}

export async function countVisibleResources(viewer: Viewer): Promise<number> {
  return withViewer(viewer, async (tx) => tx.resource.count({ where: (await resourceScope(tx, viewer)).where }));
}

/**
 * "Top" resources as a where clause: for admins the catalog's roots; for everyone else each visible resource
 * whose parent is not visible (so the tops are found in the database, page by page, at any scale).
 */
export function topsWhere(viewer: Viewer, scope: ResourceScope): Prisma.ResourceWhereInput {
  if (scope.roots === null) return { workspaceId: viewer.workspaceId, parentId: null, removedAt: null };
  return {
    AND: [
      scope.where,
      // A visible resource whose parent is hidden is necessarily one of the roots (its path meets the roots only
      // at itself): saying so turns the search for tops into a key lookup (3 s → ms at 1,000,000 resources).
      { id: { in: scope.roots } },
      { removedAt: null },
      { OR: [{ parentId: null }, { NOT: { parent: { is: { path: { hasSome: scope.roots } } } } }] },
    ],
  };
}

/**
 * An admin's first `lim` tops of some kinds, in the catalog's order (type, name, id), and how many there are, through
 * the tops index (app_admin_tops / app_admin_top_count, migration 20261206101200): under the admin policy on a
 * managed service the enum's `=` is a filter after the policy, and every read walked all the catalog's roots
 * (30,005 at 1,000,000 resources). Ids and a count only; the rows are read under the policies by the caller.
 */
export async function adminTopIds(tx: Tx, types: readonly ResourceType[], lim: number): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT t.id::text AS id FROM app_admin_tops((${[...types]}::text[])::"ResourceType"[], ${lim}::int) AS t(id)`;
  return rows.map((r) => r.id);
}

async function adminTopCount(tx: Tx, types: readonly ResourceType[]): Promise<number> {
  const [row] = await tx.$queryRaw<{ n: bigint }[]>`SELECT app_admin_top_count((${[...types]}::text[])::"ResourceType"[]) AS n`;
  return Number(row?.n ?? 0);
}

export type CatalogSection = { key: SectionKey; title: string; description: string; total: number; items: ResourceSummary[] };

/** The catalog home: each section's first `cap` tops and how many there are in all (visible ones only). */
export async function catalogOverview(viewer: Viewer, cap = 8): Promise<CatalogSection[]> {
  return withViewer(viewer, async (tx) => {
    const scope = await resourceScope(tx, viewer);
    const tops = topsWhere(viewer, scope);
    const out: CatalogSection[] = [];
    for (const [key, s] of Object.entries(SECTIONS) as [SectionKey, (typeof SECTIONS)[SectionKey]][]) {
      const admin = scope.roots === null;
      const where: Prisma.ResourceWhereInput = { AND: [tops, { type: { in: [...s.types] } }] };
      const total = admin ? await adminTopCount(tx, s.types) : await tx.resource.count({ where });
      if (!total) continue;
      // No more than the count found: with `take: cap` a section of 5 went on looking for 3 more, through every
      // other top (30,000 documents and dashboards at 1,000,000 resources: 114 ms for the admin).
      const take = Math.min(cap, total);
      const rows = await tx.resource.findMany({
        where: admin ? { AND: [where, { id: { in: await adminTopIds(tx, s.types, take) } }] } : where,
        select: summarySelect,
        orderBy: [{ type: "asc" }, { name: "asc" }, { id: "asc" }],
        take,
      });
      out.push({ key, title: s.title, description: s.description, total, items: await withChildCounts(tx, rows) });
    }
    return out;
  });
}

/** One catalog section, paged on the server ("Show all"). */
export async function listCatalogSection(viewer: Viewer, key: SectionKey, p: ChildrenParams): Promise<ChildrenPage> {
  return withViewer(viewer, async (tx) => {
    const scope = await resourceScope(tx, viewer);
    const where: Prisma.ResourceWhereInput = {
      AND: [topsWhere(viewer, scope), { type: { in: [...SECTIONS[key].types] } }, p.q ? { name: textContains(p.q) } : {}],
    };
    const total = await tx.resource.count({ where });
    const pageCount = Math.max(1, Math.ceil(total / p.size));
    const page = Math.min(p.page, pageCount);
    const rows = await tx.resource.findMany({ where, select: summarySelect, orderBy: tableOrder(p.sort, p.dir), skip: (page - 1) * p.size, take: p.size });
    return { rows: await withChildCounts(tx, rows), total, page, size: p.size, pageCount };
  });
}
