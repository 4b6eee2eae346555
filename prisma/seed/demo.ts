// The demo workspace "Acme Data": a contract other checks rely on (accounts, clients, password).
import { randomUUID } from "node:crypto";
import bcrypt from "bcryptjs";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { applyCatalog } from "@/lib/integrations/apply-catalog";
import { catalogKey, readCatalog } from "@/lib/integrations/catalog-reader";
import { demoCatalog, type SeedNode } from "./catalog";
import { DEMO_DATABASE, demoWarehouse, warehouseDdl } from "./warehouse";
import { demoDbtManifest } from "./dbt";
import { parseManifest } from "@/lib/dbt/manifest";
import { applyManifest } from "@/lib/dbt/import";

export const DEMO_PASSWORD = "enclave-demo";

export const demoUsers: { email: string; name: string; role: Role }[] = [
  { email: "admin@acme.test", name: "Morgan Reyes", role: "ADMIN" },
  { email: "editor@acme.test", name: "Priya Shah", role: "EDITOR" },
  { email: "viewer@acme.test", name: "Sam Ortiz", role: "VIEWER" },
  { email: "ana@northwind.test", name: "Ana Souza", role: "GUEST" },
  { email: "ben@northwind.test", name: "Ben Carter", role: "GUEST" },
  { email: "cara@globex.test", name: "Cara Mendes", role: "GUEST" },
  { email: "dan@globex.test", name: "Dan Okafor", role: "GUEST" },
  { email: "eve@initech.test", name: "Eve Larsen", role: "GUEST" },
  { email: "finn@initech.test", name: "Finn Walsh", role: "GUEST" },
];

export const demoClients = [
  { team: "Northwind", domain: "northwind.test", description: "Private team of the Northwind Traders account." },
  { team: "Globex", domain: "globex.test", description: "Private team of the Globex Corporation account." },
  { team: "Initech", domain: "initech.test", description: "Private team of the Initech account." },
];

/** Lineage a BI tool would report: which dashboard reads which warehouse relation. */
export const demoBiEdges = [
  { from: ["northwind", "monthly_sales"], to: "Northwind Sales Overview" },
  { from: ["globex", "invoices"], to: "Globex Revenue" },
];

export function slugify(name: string): string {
  return name.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "") || "team";
}

/** Creates the demo workspace unless a workspace exists already; returns whether it did. */
export async function seedDemo(prisma: PrismaClient, opts: { force?: boolean } = {}): Promise<boolean> {
  if (!opts.force && (await prisma.workspace.count()) > 0) return false;
  const passwordHash = await bcrypt.hash(DEMO_PASSWORD, 10);

  await prisma.$transaction(
    async (tx) => {
      const ws = await tx.workspace.create({ data: { name: "Acme Data", slug: opts.force ? `acme-${Date.now()}` : "acme" } });
      const workspaceId = ws.id;

      const users = new Map<string, string>();
      for (const u of demoUsers) {
        const user = await tx.user.upsert({
          where: { email: u.email },
          update: {},
          create: { email: u.email, name: u.name, passwordHash, status: "ACTIVE" },
        });
        users.set(u.email, user.id);
        await tx.membership.create({ data: { workspaceId, userId: user.id, role: u.role } });
      }

      const teams = new Map<string, string>();
      const general = await tx.team.create({
        data: { workspaceId, name: "General", slug: "general", isDefault: true, visibility: "PUBLIC", description: "Everyone at Acme Data." },
      });
      teams.set("General", general.id);
      for (const c of demoClients) {
        const team = await tx.team.create({
          data: { workspaceId, name: c.team, slug: slugify(c.team), visibility: "PRIVATE", description: c.description },
        });
        teams.set(c.team, team.id);
        const group = await tx.group.create({
          data: { workspaceId, name: `${c.team} people`, description: `Everyone at ${c.team}.` },
        });
        await tx.teamGroup.create({ data: { workspaceId, teamId: team.id, groupId: group.id } });
        for (const u of demoUsers.filter((d) => d.email.endsWith(`@${c.domain}`))) {
          await tx.groupMember.create({ data: { workspaceId, groupId: group.id, userId: users.get(u.email)! } });
        }
      }
      // The editor manages the Northwind account, so is a direct member of its team.
      await tx.teamMember.create({ data: { workspaceId, teamId: teams.get("Northwind")!, userId: users.get("editor@acme.test")! } });

      const adminId = users.get("admin@acme.test")!;
      const levels: { node: SeedNode; parentId: string | null; id: string }[][] = [];
      const walk = (nodes: SeedNode[], parentId: string | null, depth: number) => {
        for (const node of nodes) {
          const id = randomUUID();
          (levels[depth] ??= []).push({ node, parentId, id });
          walk(node.children ?? [], id, depth + 1);
        }
      };
      walk(demoCatalog, null, 0);
      // Parents before children: the database computes each path from the parent's.
      for (const level of levels) {
        await tx.resource.createMany({
          data: level.map(({ node, parentId, id }) => ({
            id,
            workspaceId,
            parentId,
            type: node.type,
            name: node.name,
            description: node.description ?? "",
            tags: node.tags ?? [],
            meta: (node.meta ?? {}) as object,
            externalKey: null,
          })),
        });
        const assigned = level.filter((l) => l.node.team);
        if (assigned.length) {
          await tx.teamResource.createMany({
            data: assigned.map((l) => ({ workspaceId, teamId: teams.get(l.node.team!)!, resourceId: l.id, createdById: adminId })),
          });
        }
      }

      // The warehouse is real: lay its schemas, then ingest them through the same sync as any integration.
      const warehouseId = levels[0].find((l) => l.node.name === "Warehouse")!.id;
      for (const statement of warehouseDdl()) await tx.$executeRawUnsafe(statement);
      const config = { database: DEMO_DATABASE.name, schemas: demoWarehouse.map((s) => s.name) };
      await tx.integration.create({ data: { workspaceId, resourceId: warehouseId, kind: "demo", secret: "", config, createdById: adminId } });
      const nodes = await readCatalog((text, params = []) => tx.$queryRawUnsafe(text, ...params), config);
      const counts = await applyCatalog(tx, { workspaceId }, warehouseId, nodes);
      await tx.integrationSync.create({
        data: { workspaceId, integrationId: warehouseId, status: "succeeded", phase: "Done", found: nodes.length, ...counts, startedById: adminId, finishedAt: new Date() },
      });
      const ingested = await tx.resource.findMany({ where: { workspaceId, path: { has: warehouseId }, externalKey: { not: null } }, select: { id: true, externalKey: true } });
      const idOf = new Map(ingested.map((r) => [r.externalKey!, r.id]));
      const at = (...parts: string[]) => idOf.get(catalogKey(DEMO_DATABASE.name, ...parts))!;
      await tx.resource.update({ where: { id: at() }, data: { description: DEMO_DATABASE.description } });
      await tx.teamResource.createMany({
        data: demoWarehouse.filter((s) => s.team).map((s) => ({ workspaceId, teamId: teams.get(s.team!)!, resourceId: at(s.name), createdById: adminId })),
      });
      for (const s of demoWarehouse) {
        for (const r of s.relations) if (r.tags) await tx.resource.update({ where: { id: at(s.name, r.name) }, data: { tags: r.tags } });
      }

      // Dashboards built from warehouse relations, as a BI tool would report them.
      const named = (name: string) => levels.flat().find((l) => l.node.name === name)!.id;
      await tx.lineageEdge.createMany({
        data: demoBiEdges.map((e) => ({ workspaceId, fromId: at(...e.from), toId: named(e.to), kind: "bi" as const, source: "seed", createdById: adminId })),
      });

      // The demo's dbt project, uploaded as an admin would (Settings → Integrations → dbt).
      const dbt = await applyManifest(tx, workspaceId, parseManifest(JSON.stringify(demoDbtManifest())), adminId);
      await tx.auditEvent.create({
        data: { workspaceId, actorId: adminId, actorEmail: "admin@acme.test", action: "dbt.imported", targetType: "integration", targetName: "dbt", after: dbt },
      });

      await tx.auditEvent.create({
        data: { workspaceId, actorId: adminId, actorEmail: "admin@acme.test", action: "workspace.seeded", targetType: "workspace", targetId: workspaceId, targetName: ws.name },
      });
    },
    { timeout: 60_000 },
  );
  return true;
}
