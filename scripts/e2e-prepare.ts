// Lays the end-to-end tests' database before their server starts: migrated, seeded, and with a map of the
// demo workspace's ids written beside it, so the cross-client specs can aim at real foreign ids.
import fs from "node:fs";
import path from "node:path";
import { connect } from "@/lib/db/connect";
import { applyMigrations } from "@/lib/db/migrate";
import { seedDemo } from "@/prisma/seed/demo";

const dir = path.resolve(process.env.E2E_DATA_DIR ?? ".data/e2e");

async function main() {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const conn = await connect({ dataDir: path.join(dir, "pglite") });
  try {
    await applyMigrations({ pglite: conn.pglite! });
    await seedDemo(conn.prisma);
    const p = conn.prisma;
    // One automation per client, so the cross-client probes have automation ids to aim at.
    const ws = await p.workspace.findFirstOrThrow({ select: { id: true } });
    for (const client of ["Northwind", "Globex", "Initech"]) {
      const team = await p.team.findFirstOrThrow({ where: { workspaceId: ws.id, name: client }, select: { id: true } });
      await p.automation.create({
        data: { workspaceId: ws.id, name: `${client} private allocation`, rule: { match: "all", conditions: [{ kind: "nameStartsWith", value: client }] }, action: "add", teamIds: [team.id], trigger: "manual" },
      });
    }
    // Owners across clients (lib/owners): each client's table is also owned by another client's guest and group,
    // so the probes can check that a guest's own resource pages and searches never name a foreign owner.
    const owner = async (table: string[], email: string, groupName: string) => {
      const r = await p.resource.findFirstOrThrow({ where: { workspaceId: ws.id, externalKey: JSON.stringify(["analytics", ...table]) }, select: { id: true } });
      const u = await p.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
      const g = await p.group.findFirstOrThrow({ where: { workspaceId: ws.id, name: groupName }, select: { id: true } });
      await p.resourceOwner.createMany({ data: [{ workspaceId: ws.id, resourceId: r.id, userId: u.id }, { workspaceId: ws.id, resourceId: r.id, groupId: g.id }] });
    };
    await owner(["northwind", "orders"], "cara@globex.test", "Globex people");
    await owner(["globex", "invoices"], "eve@initech.test", "Initech people");
    await owner(["initech", "tps_reports"], "ana@northwind.test", "Northwind people");
    const ids = {
      teams: await p.team.findMany({ select: { id: true, name: true, slug: true } }),
      groups: await p.group.findMany({ select: { id: true, name: true } }),
      users: await p.user.findMany({ select: { id: true, email: true, name: true } }),
      resources: await p.resource.findMany({ select: { id: true, name: true, type: true, path: true } }),
      assignments: await p.teamResource.findMany({ select: { teamId: true, resourceId: true } }),
      automations: await p.automation.findMany({ select: { id: true, name: true } }),
    };
    fs.writeFileSync(path.join(dir, "ids.json"), JSON.stringify(ids, null, 1));
    console.log(`e2e database ready in ${path.relative(process.cwd(), dir)}`);
  } finally {
    await conn.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
