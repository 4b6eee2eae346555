import "server-only";
import { ownerDb } from "@/lib/db/owner";
import { audit, groupScope, inDomains, shownGroupName, userScope, type ScimContext, type Tx } from "./context";
import { bool, listResponse, paging, parseFilter, patchOps, SCHEMA, ScimError } from "./protocol";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const select = {
  externalId: true,
  createdAt: true,
  status: true,
  shownName: true,
  user: { select: { id: true, email: true, name: true, status: true, createdAt: true } },
} as const;

// What the connection's workspace knows of a person: its membership (standing, the name it gave), never the
// account's life in another workspace.
type Row = { externalId: string | null; createdAt: Date; status: string; shownName: string | null; user: { id: string; email: string; name: string; status: string; createdAt: Date } };

const nameOf = (r: Row) => r.shownName ?? r.user.name;

function splitName(name: string): { givenName: string; familyName: string } {
  const [given, ...rest] = name.trim().split(/\s+/);
  return { givenName: given ?? "", familyName: rest.join(" ") };
}

async function render(tx: Tx, ctx: ScimContext, r: Row) {
  const groups = await tx.group.findMany({ where: { AND: [groupScope(ctx), { members: { some: { userId: r.user.id } } }] }, select: { id: true, name: true }, orderBy: { name: "asc" } });
  return {
    schemas: [SCHEMA.user],
    id: r.user.id,
    ...(r.externalId ? { externalId: r.externalId } : {}),
    userName: r.user.email,
    displayName: nameOf(r),
    name: { formatted: nameOf(r), ...splitName(nameOf(r)) },
    emails: [{ value: r.user.email, type: "work", primary: true }],
    active: r.status !== "DEACTIVATED",
    groups: groups.map((g) => ({ value: g.id, display: shownGroupName(ctx, g.name), $ref: `${ctx.base}/Groups/${g.id}` })),
    meta: { resourceType: "User", created: r.createdAt.toISOString(), lastModified: r.createdAt.toISOString(), location: `${ctx.base}/Users/${r.user.id}` },
  };
}

async function find(tx: Tx, ctx: ScimContext, id: string): Promise<Row> {
  if (!UUID.test(id)) throw new ScimError(404, "Resource not found.");
  const r = await tx.membership.findFirst({ where: { AND: [userScope(ctx), { userId: id }] }, select });
  if (!r) throw new ScimError(404, "Resource not found.");
  return r;
}

export async function getUser(ctx: ScimContext, id: string) {
  const prisma = await ownerDb("scim-users");
  return prisma.$transaction(async (tx) => render(tx, ctx, await find(tx, ctx, id)));
}

export async function listUsers(ctx: ScimContext, params: URLSearchParams) {
  const filter = parseFilter(params.get("filter"), ["userName", "externalId", "id", "emails.value"]);
  const { skip, take, startIndex } = paging(params);
  const where = filter
    ? filter.attr === "externalId"
      ? { externalId: filter.value }
      : filter.attr === "id"
        ? UUID.test(filter.value) ? { userId: filter.value } : { userId: "00000000-0000-0000-0000-000000000000" }
        : { user: { email: filter.value.trim().toLowerCase() } }
    : {};
  const prisma = await ownerDb("scim-users");
  return prisma.$transaction(async (tx) => {
    const all = { AND: [userScope(ctx), where] };
    const [total, rows] = await Promise.all([
      tx.membership.count({ where: all }),
      take ? tx.membership.findMany({ where: all, select, orderBy: [{ createdAt: "asc" }, { userId: "asc" }], skip, take }) : Promise.resolve([]),
    ]);
    const resources = [];
    for (const r of rows) resources.push(await render(tx, ctx, r));
    return listResponse(resources, total, startIndex);
  });
}

/** What a request asks to change, gathered from a POST/PUT body or from PATCH operations. */
type Changes = { email?: string; name?: string; givenName?: string; familyName?: string; externalId?: string | null; active?: boolean };

function emailOf(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) {
    const e = (value.find((x) => x?.primary === true || x?.primary === "true") ?? value[0]) as { value?: unknown } | undefined;
    return typeof e?.value === "string" ? e.value : undefined;
  }
  return undefined;
}

/** Reads one attribute (by its SCIM path) into the changes; attributes Enclave does not keep are ignored. */
function take(changes: Changes, path: string, value: unknown, op: "add" | "replace" | "remove") {
  const p = path.toLowerCase().replace(/^urn:ietf:params:scim:schemas:core:2\.0:user:/, "");
  if (op === "remove") {
    if (p === "externalid") changes.externalId = null;
    return;
  }
  const str = (v: unknown, max: number) => {
    if (typeof v !== "string" || v.length > max) throw new ScimError(400, `${path} must be a string of at most ${max} characters.`, "invalidValue");
    return v;
  };
  if (p === "active") {
    const b = bool(value);
    if (b === undefined) throw new ScimError(400, "active must be true or false.", "invalidValue");
    changes.active = b;
  } else if (p === "username") changes.email = str(value, 320);
  else if (p === "externalid") changes.externalId = value === null ? null : str(value, 300);
  else if (p === "displayname" || p === "name.formatted") changes.name = str(value, 120);
  else if (p === "name.givenname") changes.givenName = str(value, 120);
  else if (p === "name.familyname") changes.familyName = str(value, 120);
  else if (p === "name" && value && typeof value === "object") {
    const n = value as Record<string, unknown>;
    if (n.formatted !== undefined) changes.name = str(n.formatted, 120);
    if (n.givenName !== undefined) changes.givenName = str(n.givenName, 120);
    if (n.familyName !== undefined) changes.familyName = str(n.familyName, 120);
  } else if (p === "emails" || /^emails\[.*\]\.value$/.test(p)) {
    const e = emailOf(value);
    if (e !== undefined) changes.email = str(e, 320);
  }
}

function fromResource(body: unknown): Changes {
  if (!body || typeof body !== "object" || Array.isArray(body)) throw new ScimError(400, "The body is a SCIM User.", "invalidSyntax");
  const changes: Changes = {};
  for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
    if (["schemas", "id", "meta", "groups", "password"].includes(k)) continue;
    take(changes, k, v, "replace");
  }
  return changes;
}

function fromPatch(body: unknown): Changes {
  const changes: Changes = {};
  for (const o of patchOps(body)) {
    if (o.path) take(changes, o.path, o.value, o.op);
    else if (o.value && typeof o.value === "object" && !Array.isArray(o.value)) for (const [k, v] of Object.entries(o.value as Record<string, unknown>)) take(changes, k, v, o.op);
    else throw new ScimError(400, "An operation without a path carries an object of attributes.", "invalidSyntax");
  }
  return changes;
}

function composeName(current: string, c: Changes): string | undefined {
  if (c.givenName === undefined && c.familyName === undefined) return c.name;
  const base = splitName(c.name ?? current);
  return `${c.givenName ?? base.givenName} ${c.familyName ?? base.familyName}`.trim();
}

function checkEmail(ctx: ScimContext, raw: string): string {
  const email = raw.trim().toLowerCase();
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) throw new ScimError(400, "userName must be an e-mail address.", "invalidValue");
  if (!inDomains(ctx, email)) throw new ScimError(400, "userName must be an address at one of the connection's domains.", "invalidValue");
  return email;
}

/**
 * Deactivation here: this workspace's membership and open invitations (its sessions lose this workspace at their
 * next request, the viewer being resolved per request). The account and its other workspaces are untouched.
 */
async function setActive(tx: Tx, ctx: ScimContext, userId: string, active: boolean, status: string) {
  const where = { workspaceId_userId: { workspaceId: ctx.workspaceId, userId } };
  if (!active && status !== "DEACTIVATED") {
    await tx.membership.update({ where, data: { status: "DEACTIVATED" } });
    // Sessions end unless another workspace keeps the person active (the account is not this connection's alone).
    await tx.user.updateMany({ where: { id: userId, memberships: { none: { status: "ACTIVE" } } }, data: { sessionVersion: { increment: 1 } } });
    await tx.invitation.updateMany({ where: { workspaceId: ctx.workspaceId, userId, usedAt: null, revokedAt: null }, data: { revokedAt: new Date() } });
    if (!(await tx.membership.count({ where: { userId, status: "ACTIVE" } }))) await tx.signInLink.updateMany({ where: { userId, usedAt: null }, data: { usedAt: new Date() } });
  } else if (active && status === "DEACTIVATED") {
    await tx.membership.update({ where, data: { status: "ACTIVE" } });
  }
}

async function apply(tx: Tx, ctx: ScimContext, row: Row, c: Changes) {
  const data: { email?: string; name?: string } = {};
  if (c.email !== undefined) {
    const email = checkEmail(ctx, c.email);
    if (email !== row.user.email) {
      if (await tx.user.findUnique({ where: { email }, select: { id: true } })) throw new ScimError(409, "userName is already taken.", "uniqueness");
      data.email = email;
    }
  }
  const name = composeName(nameOf(row), c);
  if (name !== undefined) {
    if (!name.trim()) throw new ScimError(400, "The name cannot be empty.", "invalidValue");
    data.name = name.trim();
  }
  // An account this workspace did not create keeps its own name: the provider's goes on the membership.
  const shown = row.shownName !== null && data.name !== undefined ? data.name : undefined;
  if (shown !== undefined) delete data.name;
  if (Object.keys(data).length) await tx.user.update({ where: { id: row.user.id }, data });
  if (shown !== undefined) await tx.membership.update({ where: { workspaceId_userId: { workspaceId: ctx.workspaceId, userId: row.user.id } }, data: { shownName: shown } });
  if (c.externalId !== undefined) await tx.membership.update({ where: { workspaceId_userId: { workspaceId: ctx.workspaceId, userId: row.user.id } }, data: { externalId: c.externalId } });
  if (c.active !== undefined) await setActive(tx, ctx, row.user.id, c.active, row.status);
  await audit(tx, ctx, { action: c.active === false && row.status !== "DEACTIVATED" ? "scim.user.deactivated" : "scim.user.updated", targetType: "user", targetId: row.user.id, targetName: data.email ?? row.user.email, after: { ...data, ...(c.active !== undefined ? { active: c.active } : {}) } });
}

export async function createUser(ctx: ScimContext, body: unknown) {
  const c = fromResource(body);
  if (!c.email) throw new ScimError(400, "userName is required.", "invalidValue");
  const email = checkEmail(ctx, c.email);
  const prisma = await ownerDb("scim-users");
  const id = await prisma.$transaction(async (tx) => {
    const found = await tx.user.findUnique({ where: { email }, select: { id: true, memberships: { where: { workspaceId: ctx.workspaceId }, select: { id: true } } } });
    // Taken means a member of this workspace already. An account that lives only in other workspaces is
    // provisioned here exactly as a new address is (same answer, same representation): it gets a membership,
    // and this workspace shows the name its provider gave.
    if (found?.memberships.length) throw new ScimError(409, "userName is already taken.", "uniqueness");
    const name = (composeName("", c) ?? "").trim() || email.split("@")[0]!;
    const status = c.active === false ? "DEACTIVATED" : "ACTIVE";
    const user = found ?? (await tx.user.create({ data: { email, name, status: "ACTIVE" }, select: { id: true } }));
    await tx.membership.create({ data: { workspaceId: ctx.workspaceId, userId: user.id, role: ctx.defaultRole, connectionId: ctx.connectionId, externalId: c.externalId ?? null, status, shownName: found ? name : null } });
    if (ctx.kind === "client") await tx.teamMember.create({ data: { workspaceId: ctx.workspaceId, teamId: ctx.teamId!, userId: user.id } });
    await audit(tx, ctx, { action: "scim.user.created", targetType: "user", targetId: user.id, targetName: email, after: { role: ctx.defaultRole, active: c.active !== false, ...(ctx.kind === "client" ? { team: ctx.teamName } : {}) } });
    return user.id;
  });
  return getUser(ctx, id);
}

/** PUT: the resource as sent (attributes left out keep their value, as identity providers expect). */
export async function replaceUser(ctx: ScimContext, id: string, body: unknown) {
  const c = fromResource(body);
  const prisma = await ownerDb("scim-users");
  await prisma.$transaction(async (tx) => apply(tx, ctx, await find(tx, ctx, id), c));
  return getUser(ctx, id);
}

export async function patchUser(ctx: ScimContext, id: string, body: unknown) {
  const c = fromPatch(body);
  const prisma = await ownerDb("scim-users");
  await prisma.$transaction(async (tx) => apply(tx, ctx, await find(tx, ctx, id), c));
  return getUser(ctx, id);
}

/**
 * DELETE: the person leaves the workspace (membership, teams, groups) and every session ends; the account is kept,
 * deactivated, when it has no other workspace, so that the audit log still names who did what.
 */
export async function deleteUser(ctx: ScimContext, id: string) {
  const prisma = await ownerDb("scim-users");
  await prisma.$transaction(async (tx) => {
    const row = await find(tx, ctx, id);
    const ws = ctx.workspaceId;
    await tx.teamMember.deleteMany({ where: { workspaceId: ws, userId: id } });
    await tx.groupMember.deleteMany({ where: { workspaceId: ws, userId: id } });
    await tx.invitation.updateMany({ where: { workspaceId: ws, userId: id, usedAt: null, revokedAt: null }, data: { revokedAt: new Date() } });
    await tx.membership.delete({ where: { workspaceId_userId: { workspaceId: ws, userId: id } } });
    // The account's other workspaces are not this connection's: only an account left with none ends its sessions.
    const others = await tx.membership.count({ where: { userId: id } });
    if (!others) await tx.user.update({ where: { id }, data: { sessionVersion: { increment: 1 }, status: "DEACTIVATED" } });
    await audit(tx, ctx, { action: "scim.user.deleted", targetType: "user", targetId: id, targetName: row.user.email });
  });
}
