"use server";
import { actorOf, checkExposure } from "@/lib/isolation/guard";
import { authorizedAction, NotFoundError, UserError } from "@/lib/actions/authorized";
import { refresh } from "@/lib/actions/revalidate";
import { recordAudit } from "@/lib/audit/record";
import { withViewer } from "@/lib/db/scoped";
import { teamScope } from "@/lib/access/scope";
import { encryptSecret } from "./crypto";
import { SourceError } from "./catalog-reader";
import { testConnectionString as testString, testSource } from "./source";
import { createIntegrationInput, integrationIdInput, replaceSecretInput, testConnectionInput } from "./schemas";
import { createSync } from "./sync";
import { enqueueSync } from "@/lib/automations/queue";

async function test(run: () => Promise<string>) {
  try {
    return { message: await run() };
  } catch (e) {
    if (e instanceof SourceError) throw new UserError(e.message);
    throw e;
  }
}

/** Adds a PostgreSQL integration: the connection string is encrypted before it is stored; General gets it unless other teams are chosen. */
export const createIntegration = authorizedAction({ input: createIntegrationInput, permission: "integrations.manage" }, async ({ viewer, input }) => {
  const out = await withViewer(viewer, async (tx) => {
    const teams = input.teamIds
      ? await tx.team.findMany({ where: { AND: [teamScope(viewer), { id: { in: [...new Set(input.teamIds)] } }] }, select: { id: true, name: true } })
      : await tx.team.findMany({ where: { workspaceId: viewer.workspaceId, isDefault: true }, select: { id: true, name: true } });
    if (input.teamIds && teams.length !== new Set(input.teamIds).size) throw new NotFoundError();
    const clash = await tx.resource.findFirst({ where: { workspaceId: viewer.workspaceId, type: "INTEGRATION", parentId: null, name: input.name }, select: { id: true } });
    if (clash) throw new UserError("An integration with that name already exists.", { field: "name" });
    const resource = await tx.resource.create({
      data: { workspaceId: viewer.workspaceId, type: "INTEGRATION", name: input.name, description: "PostgreSQL", meta: { kind: "postgres" } },
      select: { id: true },
    });
    await tx.integration.create({ data: { workspaceId: viewer.workspaceId, resourceId: resource.id, kind: "postgres", secret: encryptSecret(input.connectionString), createdById: viewer.userId } });
    if (teams.length) {
      // Sharing a new integration with several client teams is a cross-client share: checked like any assignment.
      await checkExposure(
        tx,
        actorOf(viewer),
        { focus: { teams: teams.map((t) => t.id) }, confirm: input.confirmExposures, target: { type: "integration", id: resource.id, name: input.name, action: "integration.created" } },
        () => tx.teamResource.createMany({ data: teams.map((t) => ({ workspaceId: viewer.workspaceId, teamId: t.id, resourceId: resource.id, source: "MANUAL" as const, createdById: viewer.userId })) }),
      );
    }
    await recordAudit(tx, viewer, { action: "integration.created", targetType: "integration", targetId: resource.id, targetName: input.name, after: { kind: "postgres", teams: teams.map((t) => t.name) } });
    return { id: resource.id };
  });
  refresh("/settings/integrations", "/settings/resources", "/catalog");
  return out;
});

/** Tries a connection string before it is saved. */
export const testConnectionString = authorizedAction({ input: testConnectionInput, permission: "integrations.manage" }, async ({ input }) => test(() => testString(input.connectionString)));

/** Tries the stored connection of an integration. */
export const testIntegration = authorizedAction({ input: integrationIdInput, permission: "integrations.manage" }, async ({ viewer, input }) => {
  const source = await withViewer(viewer, async (tx) => {
    const i = await tx.integration.findFirst({ where: { workspaceId: viewer.workspaceId, resourceId: input.integrationId }, select: { kind: true, secret: true, config: true } });
    if (!i) throw new NotFoundError();
    return i;
  });
  return test(() => testSource(source));
});

/** Replaces the stored connection string (e.g. a rotated password). */
export const replaceIntegrationSecret = authorizedAction({ input: replaceSecretInput, permission: "integrations.manage" }, async ({ viewer, input }) => {
  await withViewer(viewer, async (tx) => {
    const i = await tx.integration.findFirst({ where: { workspaceId: viewer.workspaceId, resourceId: input.integrationId }, select: { resourceId: true, kind: true, resource: { select: { name: true } } } });
    if (!i) throw new NotFoundError();
    if (i.kind !== "postgres") throw new UserError("The demo warehouse has no connection string to replace.");
    await tx.integration.update({ where: { resourceId: i.resourceId }, data: { secret: encryptSecret(input.connectionString) } });
    await recordAudit(tx, viewer, { action: "integration.secret.replaced", targetType: "integration", targetId: i.resourceId, targetName: i.resource.name });
  });
  refresh(`/settings/integrations/${input.integrationId}`);
  return { ok: true };
});

/** Queues a sync (worked by the job queue on any server) and returns its run id at once; the page follows its row. */
export const syncIntegration = authorizedAction({ input: integrationIdInput, permission: "integrations.manage" }, async ({ viewer, input }) => {
  const out = await createSync(viewer, input.integrationId);
  await enqueueSync(out.syncId);
  refresh(`/settings/integrations/${input.integrationId}`);
  return out;
});
