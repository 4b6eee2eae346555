import "server-only";
import { z } from "zod";
import { headers } from "next/headers";
import { REQUEST_ID_HEADER, requestIdFrom, runWithRequestId } from "@/lib/log";
import { getViewer, type Viewer } from "@/lib/auth/viewer";
import { can, type Permission } from "@/lib/policy";
import { CONTROL_CHARACTER_MESSAGE, hasControlCharacter } from "@/lib/validation/text";

import { fieldErrorsOf } from "./field-errors";
import type { ActionResult } from "./result";
export type { ActionResult, FieldErrors } from "./result";

/**
 * An error whose message is safe to show: it names nothing the viewer could not already see. With `field`, the
 * form shows it next to that input (and clears it when the input changes).
 */
export class UserError extends Error {
  readonly field?: string;
  constructor(message: string, opts: { field?: string } = {}) {
    super(message);
    this.field = opts.field;
  }
}

/** Thrown when a target is out of the viewer's scope: said the same way as "does not exist". */
export class NotFoundError extends UserError {
  constructor() {
    super("Not found.");
  }
}

/** What every action says while an admin views the console as someone else. */
export function viewAsRefusal(viewer: Viewer): string {
  return `You are viewing as ${viewer.name}: changes are turned off. Exit "View as" to make changes.`;
}

type Handler<S extends z.ZodType, T> = (ctx: { viewer: Viewer; input: z.infer<S> }) => Promise<T>;

type PublicHandler<S extends z.ZodType, T> = (ctx: { viewer: Viewer | null; input: z.infer<S> }) => Promise<T>;

/**
 * The one way to build a server action. Every action is a public POST endpoint, so this re-resolves the
 * viewer from the session and the database, validates the input with zod, checks the permission, and turns
 * any failure into a plain message that changes nothing (handlers write inside withViewer transactions).
 * `public: true` is for the rare action that runs before a viewer exists (accepting an invitation): the
 * input is still validated and errors still plain, and the handler receives the viewer, possibly null.
 * tests/integration/cross-client-actions.test.ts lists every action, these included.
 * While an admin views as someone (viewer.actingAdmin), every action is refused before it runs, whatever its
 * input: the only exception is ending the view-as itself (`whileViewingAs: "allow"`).
 */
/** The proxy's x-request-id of the current request (none outside one: scripts and tests call actions directly). */
async function incomingRequestId(): Promise<string | null> {
  try {
    return (await headers()).get(REQUEST_ID_HEADER);
  } catch {
    return null;
  }
}

export function authorizedAction<S extends z.ZodType, T>(
  opts: { input: S; public: true },
  handler: PublicHandler<S, T>,
): (raw: z.input<S>) => Promise<ActionResult<T>>;
export function authorizedAction<S extends z.ZodType, T>(
  opts: { input: S; permission?: Permission; whileViewingAs?: "allow" },
  handler: Handler<S, T>,
): (raw: z.input<S>) => Promise<ActionResult<T>>;
export function authorizedAction<S extends z.ZodType, T>(
  opts: { input: S; permission?: Permission; public?: true; whileViewingAs?: "allow" },
  handler: Handler<S, T> | PublicHandler<S, T>,
): (raw: z.input<S>) => Promise<ActionResult<T>> {
  const action = async (raw: z.input<S>): Promise<ActionResult<T>> => runWithRequestId(requestIdFrom(await incomingRequestId()), () => run(raw));
  const run = async (raw: z.input<S>): Promise<ActionResult<T>> => {
    const viewer = await getViewer();
    if (!viewer && !opts.public) return { ok: false, error: "Your session has ended. Sign in again." };
    if (viewer?.actingAdmin && opts.whileViewingAs !== "allow") return { ok: false, error: viewAsRefusal(viewer) };
    // A NUL (or any other control character) in any string is refused here, for every action at once: PostgreSQL
    // would reject it mid-transaction with an error the person cannot act on.
    if (hasControlCharacter(raw)) return { ok: false, error: CONTROL_CHARACTER_MESSAGE };
    const parsed = opts.input.safeParse(raw);
    if (!parsed.success) {
      // The schema's own messages, in words a person reads: never the internal field name in front of them.
      const fieldErrors = fieldErrorsOf(parsed.error);
      return { ok: false, error: Object.values(fieldErrors)[0] ?? "Check the form and try again.", fieldErrors };
    }
    if (opts.permission && (!viewer || !can(viewer.role, opts.permission))) return { ok: false, error: "You do not have permission to do this." };
    try {
      return { ok: true, data: await (handler as PublicHandler<S, T>)({ viewer, input: parsed.data }) };
    } catch (e) {
      if (e instanceof UserError) return e.field ? { ok: false, error: e.message, fieldErrors: { [e.field]: e.message } } : { ok: false, error: e.message };
      const code = (e as { code?: string }).code;
      if (code === "P2025" || code === "42501") return { ok: false, error: "Not found." };
      if (code === "P2002") return { ok: false, error: "That name is already taken." };
      console.error("[action]", e);
      return { ok: false, error: "Something went wrong. Nothing was changed." };
    }
  };
  (action as { __authorized?: true }).__authorized = true;
  return action;
}
