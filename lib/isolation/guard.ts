import "server-only";
import crypto from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db/scoped";
import { UserError } from "@/lib/actions/authorized";
import { describeExposures, diffExposures, lockAllows, type Exposure, type ExposureKind } from "@/lib/policy";
import { exposuresIn, type Focus, type Written } from "./rule-sql";
import { loadExposureNames } from "./names";
import { isolationLocked } from "./settings";

// The one check every write that can widen what a Guest sees goes through, on the server, whatever the UI sent:
// inside the write's own transaction, the exposures the write adds are read for its focus — in one statement
// after the write when the write says exactly which rows it inserted (`written`), otherwise before the write
// and after it (updates and moves: a role change, a resource moved under another parent); what the write adds is refused, and the transaction rolled back, unless the caller confirmed
// exactly that set — and, with the isolation lock on, refused whatever the confirmation unless it is only the
// sharing of resources between client teams. A confirmed exposure is audited with what was confirmed.

/** Who writes: a person (their viewer) or the automation worker acting for whoever started the run. */
export type ExposureActor = { workspaceId: string; userId: string | null; email: string | null };

export type ExposureReview = {
  /** One plain sentence per group of exposures. */
  lines: { text: string; kind: ExposureKind; sharing: boolean }[];
  count: number;
  /** What the write must carry as `confirmExposures` to go ahead; null when it adds nothing. */
  confirmation: string | null;
  locked: boolean;
  /** The lock refuses these whatever the confirmation. */
  blocked: boolean;
};

export const NO_EXPOSURE: ExposureReview = { lines: [], count: 0, confirmation: null, locked: false, blocked: false };

/** Refused by the rule: nothing was changed (the transaction is rolled back by the throw). */
export class ExposureRefusal extends UserError {
  constructor(message: string, readonly review: ExposureReview) {
    super(message);
  }
}

export function confirmationOf(exposures: Exposure[]): string | null {
  if (!exposures.length) return null;
  const keys = [...new Set(exposures.map((e) => e.key))].sort();
  return crypto.createHash("sha256").update(keys.join("\n")).digest("hex");
}

async function review(tx: Tx, actor: ExposureActor, added: Exposure[], ownedBefore: (teamId: string, resourceId: string) => boolean): Promise<ExposureReview> {
  if (!added.length) return NO_EXPOSURE;
  const names = await loadExposureNames(tx, actor.workspaceId, added);
  const lines = describeExposures(added, names, "would").map((l) => ({ text: l.text, kind: l.kind, sharing: l.sharing }));
  const locked = await isolationLocked(tx, actor.workspaceId);
  const allowed = added.map((e) => lockAllows(e, ownedBefore));
  return {
    lines: lines.map((l) => ({ ...l, sharing: l.sharing })),
    count: added.length,
    confirmation: confirmationOf(added),
    locked,
    blocked: locked && allowed.some((ok) => !ok),
  };
}

/**
 * Whether, before the write, a resource was its owner team's already (the lock never opens a client's own
 * resources to another). Only the focus teams' assignments change, so any other team owned it before.
 */
async function ownership(tx: Tx, workspaceId: string, focus: Focus) {
  const teams = focus?.teams ?? [];
  const before = teams.length ? await tx.teamResource.findMany({ where: { workspaceId, teamId: { in: teams } }, select: { teamId: true, resourceId: true } }) : [];
  const had = new Set(before.map((a) => `${a.teamId}:${a.resourceId}`));
  return async (added: Exposure[]) => {
    const tops = [...new Set(added.flatMap((e) => (e.kind === "guest-resource" && teams.includes(e.ownerTeamId) ? [e.resourceId] : [])))];
    const paths = new Map(
      (tops.length ? await tx.resource.findMany({ where: { workspaceId, id: { in: tops } }, select: { id: true, path: true } }) : []).map((r) => [r.id, r.path]),
    );
    return (teamId: string, resourceId: string) => !teams.includes(teamId) || (paths.get(resourceId) ?? []).some((a) => had.has(`${teamId}:${a}`));
  };
}

function said(r: ExposureReview, max = 6): string {
  const shown = r.lines.slice(0, max).map((l) => l.text);
  if (r.lines.length > max) shown.push(`And ${r.lines.length - max} more.`);
  return shown.join(" ");
}

export type CheckOptions<T = unknown> = {
  /** What the write can change: the people whose teams change, or the teams whose resources change. */
  focus: Focus;
  /** The rows the write inserts, exactly (from its result): the check is then one statement after the write. */
  written?: (result: T) => Written;
  /** The preview's `confirmation`, when the admin confirmed it. */
  confirm?: string | null;
  /** For the audit event of a confirmed exposure. */
  target: { type: string; id?: string | null; name?: string | null; action: string };
};

/**
 * Runs `apply` and returns its result and the exposures it adds, without refusing anything (for previews).
 * `written`, given the write's result, names exactly the rows it inserted: only writes that insert rows (and
 * know them) pass it; any other write is read before and after.
 */
export async function reviewExposure<T>(
  tx: Tx,
  actor: ExposureActor,
  focus: Focus,
  apply: () => Promise<T>,
  written?: (result: T) => Written,
): Promise<{ result: T; added: Exposure[]; review: ExposureReview }> {
  const before = written ? null : await exposuresIn(tx, actor.workspaceId, focus);
  const owned = await ownership(tx, actor.workspaceId, focus);
  const result = await apply();
  const added = before ? diffExposures(before, await exposuresIn(tx, actor.workspaceId, focus)) : await exposuresIn(tx, actor.workspaceId, focus, written!(result));
  return { result, added, review: await review(tx, actor, added, await owned(added)) };
}

/**
 * The check. Call it inside the write's transaction, with the write as `apply`: it throws ExposureRefusal (so the
 * transaction, and the write, roll back) when the write adds an exposure that is not confirmed or is locked.
 */
export async function checkExposure<T>(tx: Tx, actor: ExposureActor, opts: CheckOptions<T>, apply: () => Promise<T>): Promise<{ result: T; review: ExposureReview }> {
  const { result, added, review: r } = await reviewExposure(tx, actor, opts.focus, apply, opts.written);
  if (!added.length) return { result, review: r };
  if (r.blocked) {
    throw new ExposureRefusal(
      `The isolation lock is on, so this change is refused: ${said(r)} While the lock is on, a client's resources are never opened to another client; only a resource of no client can be shared with several at once (Settings → Workspace turns the lock off). Nothing was changed.`,
      r,
    );
  }
  if (!opts.confirm) throw new ExposureRefusal(`This change needs your confirmation: ${said(r)} Confirm these exposures to go ahead. Nothing was changed.`, r);
  if (opts.confirm !== r.confirmation) {
    throw new ExposureRefusal(`What this change would expose has changed since you reviewed it: ${said(r)} Review and confirm again. Nothing was changed.`, r);
  }
  await tx.auditEvent.createMany({
    data: {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      actorEmail: actor.email,
      action: "isolation.exposure.confirmed",
      targetType: opts.target.type,
      targetId: opts.target.id ?? null,
      targetName: opts.target.name ?? null,
      after: {
        change: opts.target.action,
        confirmation: r.confirmation,
        count: r.count,
        locked: r.locked,
        exposures: r.lines.map((l) => l.text),
        keys: added.map((e) => e.key),
      } satisfies Prisma.InputJsonValue,
    },
  });
  return { result, review: r };
}

/** The actor of a viewer's write. */
export function actorOf(viewer: { workspaceId: string; userId: string; email: string }): ExposureActor {
  return { workspaceId: viewer.workspaceId, userId: viewer.userId, email: viewer.email };
}
