// The SQL of lib/isolation computes the exposure rule of lib/policy: the same exposures on random workspaces,
// and, for a focus, the same exposures added by a change as the pure exposuresAdded().
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { setupTestDb } from "../helpers/db";
import { workspaceArb } from "../helpers/arbitraries";
import { materialize } from "../helpers/materialize";
import { exposures, exposuresAdded, type Exposure } from "@/lib/policy";
import { exposuresIn, type Focus } from "@/lib/isolation/rule-sql";
import type { Tx } from "@/lib/db/scoped";

const db = await setupTestDb({ seed: false });
const keys = (es: Exposure[]) => es.map((e) => e.key).sort();
const tx = db.conn.prisma as unknown as Tx;

describe(`the exposure rule in SQL on ${db.engine}`, () => {
  it("equals the pure rule on random workspaces (kinds, keys, paths and sharing)", async () => {
    await fc.assert(
      fc.asyncProperty(workspaceArb, async (w) => {
        const { workspaceId, mapped } = await materialize(db.conn.prisma, w);
        const sql = await exposuresIn(tx, workspaceId);
        const pure = exposures(mapped);
        expect(keys(sql)).toEqual(keys(pure));
        const byKey = new Map(pure.map((e) => [e.key, e]));
        for (const e of sql) expect(e).toEqual(byKey.get(e.key));
      }),
      { numRuns: 25 },
    );
  });

  it("a focused read before and after a change finds what the pure rule says the change adds", async () => {
    const changeArb = fc.record({ kind: fc.constantFrom("assign", "teamMember", "groupMember", "teamGroup", "role"), a: fc.nat(), b: fc.nat() });
    await fc.assert(
      fc.asyncProperty(workspaceArb, changeArb, async (w, c) => {
        const { workspaceId, mapped, idOf } = await materialize(db.conn.prisma, w);
        const id = (k: string) => idOf.get(k)!;
        const pick = <T,>(xs: T[], i: number) => (xs.length ? xs[i % xs.length] : undefined);
        const team = pick(mapped.teams, c.a);
        const user = pick(mapped.users, c.b);
        const groups = w.groups.map(id);
        let focus: Focus;
        let apply: () => Promise<unknown>;
        let change: Parameters<typeof exposuresAdded>[1];
        if (c.kind === "assign") {
          const r = pick(mapped.resources, c.b);
          if (!team || !r) return;
          focus = { teams: [team.id] };
          change = { assignments: [{ teamId: team.id, resourceId: r.id }] };
          apply = () => db.conn.prisma.teamResource.createMany({ data: [{ workspaceId, teamId: team.id, resourceId: r.id }], skipDuplicates: true });
        } else if (c.kind === "teamMember") {
          if (!team || !user) return;
          focus = { users: [user.id] };
          change = { teamMembers: [{ teamId: team.id, userId: user.id }] };
          apply = () => db.conn.prisma.teamMember.createMany({ data: [{ workspaceId, teamId: team.id, userId: user.id }], skipDuplicates: true });
        } else if (c.kind === "groupMember") {
          const g = pick(groups, c.a);
          if (!g || !user) return;
          focus = { users: [user.id], groups: [g] };
          change = { groupMembers: [{ groupId: g, userId: user.id }] };
          apply = () => db.conn.prisma.groupMember.createMany({ data: [{ workspaceId, groupId: g, userId: user.id }], skipDuplicates: true });
        } else if (c.kind === "teamGroup") {
          const g = pick(groups, c.b);
          if (!g || !team) return;
          focus = { users: mapped.groupMembers.filter((m) => m.groupId === g).map((m) => m.userId) };
          change = { teamGroups: [{ teamId: team.id, groupId: g }] };
          apply = () => db.conn.prisma.teamGroup.createMany({ data: [{ workspaceId, teamId: team.id, groupId: g }], skipDuplicates: true });
        } else {
          if (!user) return;
          const role = (["ADMIN", "EDITOR", "VIEWER", "GUEST"] as const)[c.a % 4];
          focus = { users: [user.id] };
          change = { roles: [{ userId: user.id, role }] };
          apply = () => db.conn.prisma.membership.updateMany({ where: { workspaceId, userId: user.id }, data: { role } });
        }
        const before = await exposuresIn(tx, workspaceId, focus);
        await apply();
        const after = await exposuresIn(tx, workspaceId, focus);
        const had = new Set(before.map((e) => e.key));
        expect(keys(after.filter((e) => !had.has(e.key)))).toEqual(keys(exposuresAdded(mapped, change)));
      }),
      { numRuns: 50 },
    );
  });

  it("still equals the pure rule after resources move (the assignments' copies of the paths follow)", async () => {
    await fc.assert(
      fc.asyncProperty(workspaceArb, fc.nat(), fc.nat(), async (w, a, b) => {
        const { workspaceId, mapped } = await materialize(db.conn.prisma, w);
        if (mapped.resources.length < 2) return;
        const moved = mapped.resources[a % mapped.resources.length]!;
        const parentOf = new Map(mapped.resources.map((r) => [r.id, r.parentId]));
        const under = (x: string | null, top: string): boolean => x !== null && (x === top || under(parentOf.get(x) ?? null, top));
        const targets = [null, ...mapped.resources.filter((r) => !under(r.id, moved.id))];
        const to = targets[b % targets.length]!;
        await db.conn.prisma.resource.update({ where: { id: moved.id }, data: { parentId: to?.id ?? null } });
        const after = { ...mapped, resources: mapped.resources.map((r) => (r.id === moved.id ? { ...r, parentId: to?.id ?? null } : r)) };
        expect(keys(await exposuresIn(tx, workspaceId))).toEqual(keys(exposures(after)));
        const stale = await db.conn.prisma.$queryRawUnsafe<{ n: number }[]>(
          `SELECT count(*)::int AS n FROM "TeamResource" tr JOIN "Resource" r ON r.id = tr."resourceId" WHERE tr."workspaceId" = $1::uuid AND tr.path IS DISTINCT FROM r.path`,
          workspaceId,
        );
        expect(stale[0]!.n).toBe(0);
      }),
      { numRuns: 25 },
    );
  });
});
