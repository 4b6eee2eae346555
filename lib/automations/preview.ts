import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db/scoped";
import { ownerDb } from "@/lib/db/owner";
import { UserError } from "@/lib/actions/authorized";
import { compileRule, regexesOf, type Rule } from "./rule";

// The dry run of a rule: what it matches now and what running it would change, and the check that its
// regular expressions compile (in PostgreSQL, the engine that will match them).

export type PreviewInput = { rule: Rule; action: "add" | "remove"; teamIds: string[] };
export type Preview = {
  matched: number;
  sample: { id: string; name: string; type: string }[];
  wouldAdd: number;
  wouldRemove: number;
  /** Matches that already belong (themselves or through an ancestor) to another private team. */
  conflicts: { resourceId: string; resourceName: string; teamName: string }[];
  conflictCount: number;
};

export const SAMPLE_SIZE = 10;
export const CONFLICT_LIST = 50;

/**
 * Asks PostgreSQL itself whether each regular expression compiles, so that validation and matching (~*) use
 * one engine. Its own short transaction: a failed statement must not poison the caller's.
 */
export async function validateRegexes(rule: Rule): Promise<void> {
  const prisma = await ownerDb("automation-regex-check");
  for (const re of regexesOf(rule)) {
    try {
      await prisma.$queryRaw`SELECT '' ~* ${re} AS ok`;
    } catch {
      throw new UserError(`“${re.length > 60 ? `${re.slice(0, 60)}…` : re}” is not a valid regular expression.`);
    }
  }
}

/** The dry run: what the rule matches now and what running it would change. Runs in the caller's transaction. */
export async function preview(tx: Tx, workspaceId: string, input: PreviewInput): Promise<Preview> {
  const T = process.env.ENCLAVE_AUTOMATION_TRACE ? (l: string) => console.log(`[preview] ${l} ${Math.round(performance.now())}`) : () => undefined;
  T("start");
  const where = compileRule(workspaceId, input.rule);
  const teams = input.teamIds;
  const [{ matched }] = await tx.$queryRaw<{ matched: number }[]>(Prisma.sql`SELECT count(*)::int AS matched FROM "Resource" r WHERE ${where}`);
  const sample = await tx.$queryRaw<Preview["sample"]>(Prisma.sql`SELECT r.id, r.name, r.type::text AS type FROM "Resource" r WHERE ${where} ORDER BY lower(r.name), r.id LIMIT ${SAMPLE_SIZE}`);
  T("matched+sample");
  let wouldAdd = 0;
  let wouldRemove = 0;
  if (input.action === "add") {
    const [row] = await tx.$queryRaw<{ n: number }[]>(Prisma.sql`
      SELECT count(*)::int AS n FROM "Resource" r CROSS JOIN unnest(${teams}::uuid[]) AS t(id)
       WHERE ${where} AND NOT EXISTS (SELECT 1 FROM "TeamResource" tr WHERE tr."workspaceId" = ${workspaceId}::uuid AND tr."teamId" = t.id AND tr."resourceId" = r.id)`);
    wouldAdd = row.n;
  } else {
    const [row] = await tx.$queryRaw<{ n: number }[]>(Prisma.sql`
      SELECT count(*)::int AS n FROM "Resource" r JOIN "TeamResource" tr ON tr."workspaceId" = ${workspaceId}::uuid AND tr."resourceId" = r.id AND tr."teamId" = ANY(${teams}::uuid[])
       WHERE ${where}`);
    wouldRemove = row.n;
  }
  T("changes");
  let conflicts: Preview["conflicts"] = [];
  let conflictCount = 0;
  if (input.action === "add") {
    // A match conflicts when it or an ancestor is assigned to a private team other than the targets: a semi-join
    // that probes TeamResource's (workspaceId, resourceId) index with the few ids of each match's path.
    const privateTeams = Prisma.sql`
      FROM "TeamResource" tr JOIN "Team" t ON t."workspaceId" = ${workspaceId}::uuid AND t.id = tr."teamId"
       WHERE tr."workspaceId" = ${workspaceId}::uuid AND tr."resourceId" = ANY(r.path)
         AND t.visibility = 'PRIVATE' AND NOT t."isDefault" AND NOT (t.id = ANY(${teams}::uuid[]))`;
    const conflictWhere = Prisma.sql`${where} AND EXISTS (SELECT 1 ${privateTeams})`;
    const [c] = await tx.$queryRaw<{ n: number }[]>(Prisma.sql`SELECT count(*)::int AS n FROM "Resource" r WHERE ${conflictWhere}`);
    conflictCount = c.n;
    T("conflict count");
    if (conflictCount) {
      conflicts = await tx.$queryRaw<Preview["conflicts"]>(Prisma.sql`
        SELECT r.id AS "resourceId", r.name AS "resourceName",
               (SELECT string_agg(DISTINCT t.name, ', ') ${privateTeams}) AS "teamName"
          FROM "Resource" r WHERE ${conflictWhere}
         ORDER BY lower(r.name), r.id LIMIT ${CONFLICT_LIST}`);
    }
  }
  return { matched, sample, wouldAdd, wouldRemove, conflicts, conflictCount };
}
