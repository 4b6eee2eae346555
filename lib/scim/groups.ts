import "server-only";
import { ownerDb } from "@/lib/db/owner";
import { audit, groupScope, shownGroupName, storedGroupName, userScope, type ScimContext, type Tx } from "./context";
import { listResponse, paging, parseFilter, patchOps, SCHEMA, ScimError } from "./protocol";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Row = { id: string; name: string; externalId: string | null; createdAt: Date };
const select = { id: true, name: true, externalId: true, createdAt: true } as const;

/** The members a token may see of a group: the people it manages, and nobody else. */
async function render(tx: Tx, ctx: ScimContext, g: Row, withMembers = true) {
  const members = withMembers
    ? await tx.groupMember.findMany({
        where: { workspaceId: ctx.workspaceId, groupId: g.id, user: { memberships: { some: userScope(ctx) } } },
        select: { user: { select: { id: true, name: true } } },
        orderBy: { createdAt: "asc" },
      })
    : [];
  return {
    schemas: [SCHEMA.group],
    id: g.id,
    ...(g.externalId ? { externalId: g.externalId } : {}),
    displayName: shownGroupName(ctx, g.name),
    ...(withMembers ? { members: members.map((m) => ({ value: m.user.id, display: m.user.name, $ref: `${ctx.base}/Users/${m.user.id}` })) } : {}),
    meta: { resourceType: "Group", created: g.createdAt.toISOString(), lastModified: g.createdAt.toISOString(), location: `${ctx.base}/Groups/${g.id}` },
  };
}

async function find(tx: Tx, ctx: ScimContext, id: string): Promise<Row> {
  if (!UUID.test(id)) throw new ScimError(404, "Resource not found.");
  const g = await tx.group.findFirst({ where: { AND: [groupScope(ctx), { id }] }, select });
  if (!g) throw new ScimError(404, "Resource not found.");
  return g;
}

export async function getGroup(ctx: ScimContext, id: string, params?: URLSearchParams) {
  const prisma = await ownerDb("scim-groups");
  const members = !/\bmembers\b/.test(params?.get("excludedAttributes") ?? "");
  return prisma.$transaction(async (tx) => render(tx, ctx, await find(tx, ctx, id), members));
}

export async function listGroups(ctx: ScimContext, params: URLSearchParams) {
  const filter = parseFilter(params.get("filter"), ["displayName", "externalId", "id"]);
  const { skip, take, startIndex } = paging(params);
  const where = !filter
    ? {}
    : filter.attr === "displayName"
      ? { name: storedGroupName(ctx, filter.value) }
      : filter.attr === "externalId"
        ? { externalId: filter.value }
        : { id: UUID.test(filter.value) ? filter.value : "00000000-0000-0000-0000-000000000000" };
  const members = !/\bmembers\b/.test(params.get("excludedAttributes") ?? "");
  const prisma = await ownerDb("scim-groups");
  return prisma.$transaction(async (tx) => {
    const all = { AND: [groupScope(ctx), where] };
    const [total, rows] = await Promise.all([
      tx.group.count({ where: all }),
      take ? tx.group.findMany({ where: all, select, orderBy: [{ createdAt: "asc" }, { id: "asc" }], skip, take }) : Promise.resolve([]),
    ]);
    const resources = [];
    for (const g of rows) resources.push(await render(tx, ctx, g, members));
    return listResponse(resources, total, startIndex);
  });
}

function memberIds(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  if (list.length > 1000) throw new ScimError(400, "At most 1000 members per operation.", "invalidValue");
  return list.map((m) => {
    const v = typeof m === "string" ? m : (m as { value?: unknown })?.value;
    if (typeof v !== "string") throw new ScimError(400, "Each member is { value: <user id> }.", "invalidValue");
    return v;
  });
}

/** Members must be people the token manages: anyone else is refused without saying who they are. */
async function checkMembers(tx: Tx, ctx: ScimContext, ids: string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  if (!unique.length) return [];
  if (unique.some((id) => !UUID.test(id))) throw new ScimError(400, "A member is not a person this connection provisions.", "invalidValue");
  const found = await tx.membership.count({ where: { AND: [userScope(ctx), { userId: { in: unique } }] } });
  if (found !== unique.length) throw new ScimError(400, "A member is not a person this connection provisions.", "invalidValue");
  return unique;
}

async function managedMembers(tx: Tx, ctx: ScimContext, groupId: string): Promise<string[]> {
  const rows = await tx.groupMember.findMany({ where: { workspaceId: ctx.workspaceId, groupId, user: { memberships: { some: userScope(ctx) } } }, select: { userId: true } });
  return rows.map((r) => r.userId);
}

async function addMembers(tx: Tx, ctx: ScimContext, groupId: string, ids: string[]) {
  const ok = await checkMembers(tx, ctx, ids);
  if (ok.length) await tx.groupMember.createMany({ data: ok.map((userId) => ({ workspaceId: ctx.workspaceId, groupId, userId })), skipDuplicates: true });
  return ok;
}

/** Removes only people the token manages; ids of anyone else change nothing. */
async function removeMembers(tx: Tx, ctx: ScimContext, groupId: string, ids: string[]) {
  const managed = new Set(await managedMembers(tx, ctx, groupId));
  const gone = [...new Set(ids)].filter((id) => managed.has(id));
  if (gone.length) await tx.groupMember.deleteMany({ where: { workspaceId: ctx.workspaceId, groupId, userId: { in: gone } } });
  return gone;
}

async function rename(tx: Tx, ctx: ScimContext, g: Row, displayName: unknown) {
  if (typeof displayName !== "string" || !displayName.trim() || displayName.length > 80) throw new ScimError(400, "displayName is a name of 1 to 80 characters.", "invalidValue");
  const name = storedGroupName(ctx, displayName.trim());
  if (name === g.name) return;
  if (await tx.group.findFirst({ where: { workspaceId: ctx.workspaceId, name, id: { not: g.id } }, select: { id: true } })) throw new ScimError(409, "A group with that displayName already exists.", "uniqueness");
  await tx.group.update({ where: { id: g.id }, data: { name } });
}

export async function createGroup(ctx: ScimContext, body: unknown) {
  const b = (body ?? {}) as { displayName?: unknown; externalId?: unknown; members?: unknown };
  if (typeof b.displayName !== "string" || !b.displayName.trim() || b.displayName.length > 80) throw new ScimError(400, "displayName is a name of 1 to 80 characters.", "invalidValue");
  const name = storedGroupName(ctx, b.displayName.trim());
  const prisma = await ownerDb("scim-groups");
  const id = await prisma.$transaction(async (tx) => {
    if (await tx.group.findFirst({ where: { workspaceId: ctx.workspaceId, name }, select: { id: true } })) throw new ScimError(409, "A group with that displayName already exists.", "uniqueness");
    const ids = await checkMembers(tx, ctx, memberIds(b.members));
    const g = await tx.group.create({
      data: { workspaceId: ctx.workspaceId, name, description: `Provisioned by ${ctx.name}`, connectionId: ctx.connectionId, externalId: typeof b.externalId === "string" ? b.externalId.slice(0, 300) : null },
      select: { id: true },
    });
    // A client connection's groups live inside its team: their members are its Guests, and it alone.
    if (ctx.kind === "client") await tx.teamGroup.create({ data: { workspaceId: ctx.workspaceId, teamId: ctx.teamId!, groupId: g.id } });
    if (ids.length) await tx.groupMember.createMany({ data: ids.map((userId) => ({ workspaceId: ctx.workspaceId, groupId: g.id, userId })) });
    await audit(tx, ctx, { action: "scim.group.created", targetType: "group", targetId: g.id, targetName: name, after: { members: ids.length } });
    return g.id;
  });
  return getGroup(ctx, id);
}

export async function replaceGroup(ctx: ScimContext, id: string, body: unknown) {
  const b = (body ?? {}) as { displayName?: unknown; externalId?: unknown; members?: unknown };
  const prisma = await ownerDb("scim-groups");
  await prisma.$transaction(async (tx) => {
    const g = await find(tx, ctx, id);
    if (b.displayName !== undefined) await rename(tx, ctx, g, b.displayName);
    if (typeof b.externalId === "string") await tx.group.update({ where: { id }, data: { externalId: b.externalId.slice(0, 300) } });
    if (b.members !== undefined) {
      const want = await checkMembers(tx, ctx, memberIds(b.members));
      const have = await managedMembers(tx, ctx, id);
      await removeMembers(tx, ctx, id, have.filter((u) => !want.includes(u)));
      await addMembers(tx, ctx, id, want);
    }
    await audit(tx, ctx, { action: "scim.group.replaced", targetType: "group", targetId: id, targetName: g.name });
  });
  return getGroup(ctx, id);
}

/** PATCH as Entra ID and Okta send it: add/remove members (by value list or a `members[value eq "…"]` path), rename. */
export async function patchGroup(ctx: ScimContext, id: string, body: unknown) {
  const ops = patchOps(body);
  const prisma = await ownerDb("scim-groups");
  await prisma.$transaction(async (tx) => {
    const g = await find(tx, ctx, id);
    let added: string[] = [];
    let removed: string[] = [];
    for (const o of ops) {
      const path = (o.path ?? "").trim();
      const filtered = path.match(/^members\[\s*value\s+eq\s+"([^"]+)"\s*\]$/i);
      if (/^members$/i.test(path)) {
        if (o.op === "add") added = added.concat(await addMembers(tx, ctx, id, memberIds(o.value)));
        else if (o.op === "remove") removed = removed.concat(await removeMembers(tx, ctx, id, o.value === undefined ? await managedMembers(tx, ctx, id) : memberIds(o.value)));
        else {
          const want = await checkMembers(tx, ctx, memberIds(o.value));
          removed = removed.concat(await removeMembers(tx, ctx, id, (await managedMembers(tx, ctx, id)).filter((u) => !want.includes(u))));
          added = added.concat(await addMembers(tx, ctx, id, want));
        }
      } else if (filtered && o.op === "remove") {
        removed = removed.concat(await removeMembers(tx, ctx, id, [filtered[1]]));
      } else if (/^displayName$/i.test(path) && o.op !== "remove") {
        await rename(tx, ctx, g, o.value);
      } else if (/^externalId$/i.test(path)) {
        await tx.group.update({ where: { id }, data: { externalId: o.op === "remove" || typeof o.value !== "string" ? null : o.value.slice(0, 300) } });
      } else if (!path && o.value && typeof o.value === "object") {
        const v = o.value as { displayName?: unknown; members?: unknown; externalId?: unknown };
        if (v.displayName !== undefined) await rename(tx, ctx, g, v.displayName);
        if (typeof v.externalId === "string") await tx.group.update({ where: { id }, data: { externalId: v.externalId.slice(0, 300) } });
        if (v.members !== undefined) added = added.concat(await addMembers(tx, ctx, id, memberIds(v.members)));
      } else {
        throw new ScimError(400, `Unsupported path ${path.slice(0, 60)}.`, "invalidPath");
      }
    }
    await audit(tx, ctx, { action: "scim.group.updated", targetType: "group", targetId: id, targetName: g.name, after: { added: added.length, removed: removed.length } });
  });
  return getGroup(ctx, id);
}

/** Only a group the connection itself created is deleted; a group made in Enclave keeps existing. */
export async function deleteGroup(ctx: ScimContext, id: string) {
  const prisma = await ownerDb("scim-groups");
  await prisma.$transaction(async (tx) => {
    const g = await tx.group.findFirst({ where: { AND: [groupScope(ctx), { id: UUID.test(id) ? id : "00000000-0000-0000-0000-000000000000" }] }, select: { id: true, name: true, connectionId: true } });
    if (!g) throw new ScimError(404, "Resource not found.");
    if (g.connectionId !== ctx.connectionId) throw new ScimError(400, "This group was made in Enclave: the directory may change its members, not delete it.", "mutability");
    await tx.group.delete({ where: { id: g.id } });
    await audit(tx, ctx, { action: "scim.group.deleted", targetType: "group", targetId: g.id, targetName: g.name });
  });
}
