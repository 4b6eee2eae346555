// Each scope builder of lib/access, in both of its forms (the Prisma `where` and the SQL condition), against
// lib/policy on random workspaces. The builders run as the owner, outside row-level security, so that each
// answer is the builder's alone (RLS is checked on its own in rls.test.ts).
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { setupTestDb } from "../helpers/db";
import { workspaceArb } from "../helpers/arbitraries";
import { materialize } from "../helpers/materialize";
import { resolveViewer } from "@/lib/auth/resolve-viewer";
import { Prisma } from "@/lib/generated/prisma/client";
import {
  groupScope, groupScopeSql, resourceScope, resourceScopeSql, teamLinks, teamMembersWhere, teamMembershipsWhere, teamMemberSql,
  effectiveMembershipsSql, teamScope, teamScopeSql, userScope, userScopeContext, userScopeSql,
} from "@/lib/access/scope";
import { can, memberTeamIds, teamMemberIds, visibleResourceIds, visibleTeamIds, visibleUserIds } from "@/lib/policy";

const db = await setupTestDb({ seed: false });
const prisma = db.conn.prisma;
const sorted = (xs: Iterable<string>) => [...xs].sort();
const ids = (rows: { id: string }[]) => sorted(rows.map((r) => r.id));

describe(`lib/access scopes on ${db.engine}, random workspaces`, () => {
  it("teams, resources, people and groups: both forms equal the policy for every viewer", async () => {
    await fc.assert(
      fc.asyncProperty(workspaceArb, async (w) => {
        const { mapped, idOf } = await materialize(prisma, w);
        const allGroups = w.groups.map((g) => idOf.get(g)!).filter(Boolean);
        for (const u of mapped.users) {
          const { sessionVersion } = await prisma.user.findUniqueOrThrow({ where: { id: u.id }, select: { sessionVersion: true } });
          const viewer = await resolveViewer(prisma, u.id, sessionVersion);
          const pv = { userId: u.id, role: u.role };
          if (!viewer) {
            expect(visibleTeamIds(mapped, pv).size).toBe(0);
            continue;
          }
          expect(sorted(viewer.memberTeamIds)).toEqual(sorted(memberTeamIds(mapped, pv)));

          const teams = sorted(visibleTeamIds(mapped, pv));
          expect(ids(await prisma.team.findMany({ where: teamScope(viewer), select: { id: true } }))).toEqual(teams);
          expect(ids(await prisma.$queryRaw<{ id: string }[]>(Prisma.sql`SELECT t.id::text AS id FROM "Team" t WHERE ${teamScopeSql(viewer)}`))).toEqual(teams);

          const resources = sorted(visibleResourceIds(mapped, pv));
          const rs = await resourceScope(prisma, viewer);
          expect(ids(await prisma.resource.findMany({ where: rs.where, select: { id: true } }))).toEqual(resources);
          expect(ids(await prisma.$queryRaw<{ id: string }[]>(Prisma.sql`SELECT r.id::text AS id FROM "Resource" r WHERE ${resourceScopeSql(rs)}`))).toEqual(resources);

          const people = sorted(visibleUserIds(mapped, pv));
          const ctx = await userScopeContext(prisma, viewer);
          expect(ids(await prisma.user.findMany({ where: userScope(viewer, ctx), select: { id: true } }))).toEqual(people);
          expect(ids(await prisma.$queryRaw<{ id: string }[]>(Prisma.sql`SELECT u.id::text AS id FROM "User" u WHERE ${userScopeSql(viewer, ctx)}`))).toEqual(people);

          const groups = can(viewer.role, "groups.manage") ? sorted(allGroups) : [];
          expect(ids(await prisma.group.findMany({ where: groupScope(viewer), select: { id: true } }))).toEqual(groups);
          expect(ids(await prisma.$queryRaw<{ id: string }[]>(Prisma.sql`SELECT g.id::text AS id FROM "Group" g WHERE ${groupScopeSql(viewer)}`))).toEqual(groups);
        }
      }),
      { numRuns: 12 },
    );
  });

  it("the effective members of a team (direct, through a group, General's non-guests): every form equals the policy", async () => {
    await fc.assert(
      fc.asyncProperty(workspaceArb, async (w) => {
        const { workspaceId: ws, mapped } = await materialize(prisma, w);
        const inWorkspace = new Set(mapped.users.map((u) => u.id));
        const eff = await prisma.$queryRaw<{ tid: string; uid: string }[]>(Prisma.sql`SELECT tid::text, uid::text FROM (${effectiveMembershipsSql(ws)}) e`);
        for (const team of mapped.teams) {
          const expected = sorted([...teamMemberIds(mapped, team.id)].filter((id) => inWorkspace.has(id)));
          const links = await teamLinks(prisma, ws, [team]);
          expect(ids(await prisma.user.findMany({ where: { AND: [{ memberships: { some: { workspaceId: ws } } }, teamMembersWhere(ws, links)] }, select: { id: true } }))).toEqual(expected);
          expect(sorted((await prisma.membership.findMany({ where: { AND: [{ workspaceId: ws }, teamMembershipsWhere(ws, links)] }, select: { userId: true } })).map((m) => m.userId))).toEqual(expected);
          const withRole = await prisma.$queryRaw<{ id: string }[]>(
            Prisma.sql`SELECT m."userId"::text AS id FROM "Membership" m WHERE m."workspaceId" = ${ws}::uuid AND ${teamMemberSql(ws, links, Prisma.sql`m."userId"`, Prisma.sql`m.role`)}`,
          );
          expect(ids(withRole)).toEqual(expected);
          const withoutRole = await prisma.$queryRaw<{ id: string }[]>(
            Prisma.sql`SELECT u.id::text AS id FROM "User" u WHERE EXISTS (SELECT 1 FROM "Membership" x WHERE x."workspaceId" = ${ws}::uuid AND x."userId" = u.id) AND ${teamMemberSql(ws, links, Prisma.sql`u.id`)}`,
          );
          expect(ids(withoutRole)).toEqual(expected);
          expect(sorted(eff.filter((e) => e.tid === team.id && inWorkspace.has(e.uid)).map((e) => e.uid))).toEqual(expected);
        }
      }),
      { numRuns: 12 },
    );
  });
});
