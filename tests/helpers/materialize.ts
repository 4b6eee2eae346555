// Writes a generated policy workspace into the database (as the owner) and maps its ids to real uuids.
import crypto from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { GeneratedWorkspace } from "./arbitraries";
import type { PolicyWorkspace } from "@/lib/policy";

export async function materialize(prisma: PrismaClient, w: GeneratedWorkspace): Promise<{ workspaceId: string; idOf: Map<string, string>; mapped: PolicyWorkspace }> {
  const idOf = new Map<string, string>();
  const uuid = (k: string) => {
    if (!idOf.has(k)) idOf.set(k, crypto.randomUUID());
    return idOf.get(k)!;
  };
  const tag = crypto.randomBytes(4).toString("hex");
  const ws = await prisma.workspace.create({ data: { name: `Random ${tag}`, slug: `random-${tag}` } });
  const workspaceId = ws.id;
  for (const u of w.users) {
    await prisma.user.create({ data: { id: uuid(u.id), email: `${u.id}-${tag}@random.test`, name: `${u.id} ${tag}`, status: u.status } });
    if (["ADMIN", "EDITOR", "VIEWER", "GUEST"].includes(u.role)) {
      await prisma.membership.create({ data: { workspaceId, userId: uuid(u.id), role: u.role as "ADMIN" } });
    }
  }
  for (const t of w.teams) await prisma.team.create({ data: { id: uuid(t.id), workspaceId, name: `${t.id}-${tag}`, slug: `${t.id}-${tag}`, visibility: t.visibility, isDefault: t.isDefault } });
  for (const g of w.groups) await prisma.group.create({ data: { id: uuid(g), workspaceId, name: `${g}-${tag}` } });
  if (w.teamMembers.length) await prisma.teamMember.createMany({ data: w.teamMembers.map((x) => ({ workspaceId, teamId: uuid(x.teamId), userId: uuid(x.userId) })) });
  if (w.groupMembers.length) await prisma.groupMember.createMany({ data: w.groupMembers.map((x) => ({ workspaceId, groupId: uuid(x.groupId), userId: uuid(x.userId) })) });
  if (w.teamGroups.length) await prisma.teamGroup.createMany({ data: w.teamGroups.map((x) => ({ workspaceId, teamId: uuid(x.teamId), groupId: uuid(x.groupId) })) });
  for (const r of w.resources) {
    await prisma.resource.create({ data: { id: uuid(r.id), workspaceId, type: "TABLE", name: `${r.id}-${tag}`, parentId: r.parentId ? uuid(r.parentId) : null } });
  }
  if (w.assignments.length) await prisma.teamResource.createMany({ data: w.assignments.map((x) => ({ workspaceId, teamId: uuid(x.teamId), resourceId: uuid(x.resourceId) })) });
  const m = (k: string) => uuid(k);
  const mapped: PolicyWorkspace = {
    users: w.users.filter((u) => ["ADMIN", "EDITOR", "VIEWER", "GUEST"].includes(u.role)).map((u) => ({ ...u, id: m(u.id) })),
    teams: w.teams.map((t) => ({ ...t, id: m(t.id) })),
    teamMembers: w.teamMembers.map((x) => ({ teamId: m(x.teamId), userId: m(x.userId) })),
    groupMembers: w.groupMembers.map((x) => ({ groupId: m(x.groupId), userId: m(x.userId) })),
    teamGroups: w.teamGroups.map((x) => ({ teamId: m(x.teamId), groupId: m(x.groupId) })),
    resources: w.resources.map((r) => ({ id: m(r.id), parentId: r.parentId ? m(r.parentId) : null })),
    assignments: w.assignments.map((x) => ({ teamId: m(x.teamId), resourceId: m(x.resourceId) })),
  };
  return { workspaceId, idOf, mapped };
}
