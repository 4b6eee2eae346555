import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Viewer } from "@/lib/auth/resolve-viewer";
import { appRoleFor } from "./config";
import { ownerDb } from "./owner";

export type Tx = Prisma.TransactionClient;

/**
 * Runs fn in one transaction as the viewer: the RLS context (user and workspace) is set with
 * set_config(..., true) and the role switched to the non-owner app role (enclave_admin for admins), so row-level security holds
 * under every query that fn makes, whatever its `where` says. Pass `tx` down; never open another client.
 */
export async function withViewer<T>(viewer: Viewer, fn: (tx: Tx) => Promise<T>, opts: { timeout?: number } = {}): Promise<T> {
  const prisma = await ownerDb("with-viewer");
  return prisma.$transaction(
    async (tx) => {
      // While an admin views as someone, the database itself refuses writes too (the actions already refuse).
      if (viewer.actingAdmin) await tx.$executeRawUnsafe("SET TRANSACTION READ ONLY");
      // jit off: the policies' helper functions inflate cost estimates past jit_above_cost, and compiling a
      // short OLTP query then costs 100-300 ms more than running it (bench/README.md, members and search).
      // A team token's viewer: row-level security reads its team from the token row (migration *_api_tokens_rls).
      const teamToken = viewer.apiToken?.teamId ? viewer.apiToken.id : "";
      // set_config('role', …, true) is SET LOCAL ROLE (the same privilege check), in the same round trip as the context.
      await tx.$queryRaw`SELECT set_config('app.user_id', ${viewer.userId}, true), set_config('app.workspace_id', ${viewer.workspaceId}, true), set_config('app.team_token_id', ${teamToken}, true), set_config('jit', 'off', true), set_config('role', ${appRoleFor(viewer)}, true)`;
      return fn(tx);
    },
    { maxWait: 10_000, timeout: opts.timeout ?? 30_000 },
  );
}
