// The SQL of lib/isolation computes the exposure rule of lib/policy: the same exposures on random workspaces,
// and, for a focus, the same exposures added by a change as the pure exposuresAdded().
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { setupTestDb } from "../helpers/db";
import { workspaceArb } from "../helpers/arbitraries";
import { materialize } from "../helpers/materialize";
import { exposures, exposuresAdded, type Exposure } from "@/lib/policy";
import { exposuresIn, type Focus, type Written } from "@/lib/isolation/rule-sql";
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

  it("a focused read before and after a change, and one read after it given the written rows, find what the pure rule says the change adds", async () => {
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
        // The rows the change inserts (a role change updates a row: it has no written rows, only the two reads).
        let written: Written | null = null;
        let apply: () => Promise<unknown>;
        let change: Parameters<typeof exposuresAdded>[1];
        if (c.kind === "assign") {
          const r = pick(mapped.resources, c.b);
          if (!team || !r) return;
          focus = { teams: [team.id] };
          change = { assignments: [{ teamId: team.id, resourceId: r.id }] };
          written = change;
          apply = () => db.conn.prisma.teamResource.createMany({ data: [{ workspaceId, teamId: team.id, resourceId: r.id }], skipDuplicates: true });
        } else if (c.kind === "teamMember") {
          if (!team || !user) return;
          focus = { users: [user.id] };
          change = { teamMembers: [{ teamId: team.id, userId: user.id }] };
          written = change;
          apply = () => db.conn.prisma.teamMember.createMany({ data: [{ workspaceId, teamId: team.id, userId: user.id }], skipDuplicates: true });
        } else if (c.kind === "groupMember") {
          const g = pick(groups, c.a);
          if (!g || !user) return;
          focus = { users: [user.id], groups: [g] };
          change = { groupMembers: [{ groupId: g, userId: user.id }] };
          written = change;
          apply = () => db.conn.prisma.groupMember.createMany({ data: [{ workspaceId, groupId: g, userId: user.id }], skipDuplicates: true });
        } else if (c.kind === "teamGroup") {
          const g = pick(groups, c.b);
          if (!g || !team) return;
          focus = { users: mapped.groupMembers.filter((m) => m.groupId === g).map((m) => m.userId) };
          change = { teamGroups: [{ teamId: team.id, groupId: g }] };
          written = change;
          apply = () => db.conn.prisma.teamGroup.createMany({ data: [{ workspaceId, teamId: team.id, groupId: g }], skipDuplicates: true });
        } else {
          if (!user) return;
          const role = (["ADMIN", "EDITOR", "VIEWER", "GUEST"] as const)[c.a % 4];
          focus = { users: [user.id] };
          change = { roles: [{ userId: user.id, role }] };
          apply = () => db.conn.prisma.membership.updateMany({ where: { workspaceId, userId: user.id }, data: { role } });
        }
        const before = await exposuresIn(tx, workspaceId, focus);
        const already = (await apply()) as { count: number } | undefined;
        const after = await exposuresIn(tx, workspaceId, focus);
        const had = new Set(before.map((e) => e.key));
        const pure = exposuresAdded(mapped, change);
        expect(keys(after.filter((e) => !had.has(e.key)))).toEqual(keys(pure));
        // Written rows are exactly what was inserted: none when the row was there already (skipDuplicates).
        if (written && already?.count === 0) written = {};
        if (written) {
          const added = await exposuresIn(tx, workspaceId, focus, written);
          expect(keys(added)).toEqual(keys(pure));
          const byKey = new Map(after.map((e) => [e.key, e]));
          for (const e of added) expect(e).toEqual(byKey.get(e.key));
        }
      }),
      { numRuns: 50 },
    );
  });

  it("one read after a change that adds exposures, given the rows it wrote, finds exactly what it adds", async () => {
    // Changes picked among those the pure rule says add something (random ones mostly add nothing), one of each
    // kind of written row, so that a rule that took a written row for an old one cannot pass.
    const seen = { assignments: 0, teamMembers: 0, groupMembers: 0, teamGroups: 0 };
    await fc.assert(
      fc.asyncProperty(workspaceArb, fc.nat(), async (w, n) => {
        const { workspaceId, mapped, idOf } = await materialize(db.conn.prisma, w);
        const groups = w.groups.map((g) => idOf.get(g)!);
        const has = (xs: { [k: string]: string }[], a: string, b: string, x: string, y: string) => xs.some((r) => r[a] === x && r[b] === y);
        const candidates: Written[] = [
          ...mapped.teams.flatMap((t) => mapped.resources.filter((r) => !has(mapped.assignments, "teamId", "resourceId", t.id, r.id)).map((r) => ({ assignments: [{ teamId: t.id, resourceId: r.id }] }))),
          ...mapped.teams.flatMap((t) => mapped.users.filter((u) => !has(mapped.teamMembers, "teamId", "userId", t.id, u.id)).map((u) => ({ teamMembers: [{ teamId: t.id, userId: u.id }] }))),
          ...groups.flatMap((g) => mapped.users.filter((u) => !has(mapped.groupMembers, "groupId", "userId", g, u.id)).map((u) => ({ groupMembers: [{ groupId: g, userId: u.id }] }))),
          ...mapped.teams.flatMap((t) => groups.filter((g) => !has(mapped.teamGroups, "teamId", "groupId", t.id, g)).map((g) => ({ teamGroups: [{ teamId: t.id, groupId: g }] }))),
        ].filter((c) => exposuresAdded(mapped, c).length);
        if (!candidates.length) return;
        // Each kind in turn when this workspace has one of it.
        const kind = Object.keys(seen)[n % 4]!;
        const ofKind = candidates.filter((c) => kind in c);
        const c = (ofKind.length ? ofKind : candidates)[Math.floor(n / 4) % (ofKind.length || candidates.length)]!;
        const pure = exposuresAdded(mapped, c);
        let focus: Focus;
        if (c.assignments) {
          focus = { teams: [c.assignments[0]!.teamId] };
          await db.conn.prisma.teamResource.createMany({ data: c.assignments.map((a) => ({ workspaceId, ...a })) });
        } else if (c.teamMembers) {
          focus = { users: [c.teamMembers[0]!.userId] };
          await db.conn.prisma.teamMember.createMany({ data: c.teamMembers.map((a) => ({ workspaceId, ...a })) });
        } else if (c.groupMembers) {
          focus = { users: [c.groupMembers[0]!.userId], groups: [c.groupMembers[0]!.groupId] };
          await db.conn.prisma.groupMember.createMany({ data: c.groupMembers.map((a) => ({ workspaceId, ...a })) });
        } else {
          const g = c.teamGroups![0]!.groupId;
          focus = { users: mapped.groupMembers.filter((m) => m.groupId === g).map((m) => m.userId) };
          await db.conn.prisma.teamGroup.createMany({ data: c.teamGroups!.map((a) => ({ workspaceId, ...a })) });
        }
        seen[Object.keys(c)[0] as keyof typeof seen]++;
        expect(keys(await exposuresIn(tx, workspaceId, focus, c))).toEqual(keys(pure));
      }),
      // A fixed seed: changes of a group linked to a team that add something are rare in random workspaces, and
      // this run must try each kind (the check below) every time.
      { numRuns: 80, seed: 16 },
    );
    // Every kind of written row was tried with a change that adds something.
    expect(Object.values(seen).every((k) => k > 0), JSON.stringify(seen)).toBe(true);
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
