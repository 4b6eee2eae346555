"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { toast } from "sonner";
import type { ActionResult, FieldErrors } from "@/lib/actions/result";
export type { ActionResult } from "@/lib/actions/result";

export type UseActionOptions<T> = {
  onSuccess?: (data: T) => void;
  /** After a refusal, once the error is in place (for flows that step back, e.g. close a confirmation). */
  onError?: (error: string) => void;
  /** A toast on success: a fixed sentence or one built from the result. */
  success?: string | ((data: T) => string);
  /** Also toast failures (for actions started outside a form, such as a row button). */
  toastErrors?: boolean;
  /**
   * The inputs that show their own error next to them. Left out, every field does (a form); `[]` for a button
   * or a one-line editor: then a field's error is the form-level error too, never lost for want of a field.
   */
  fields?: readonly string[];
};

/**
 * The one client for server actions (a unit test keeps components from reading `.ok`/`.error` of a result
 * themselves): runs it, keeps `pending`, the form-level error and the per-field errors, and says success or
 * failure in a toast when asked. A field's error is cleared as soon as that field changes (`clear("emails")`),
 * so a stale "Already a member…" never outlives the input it was about.
 *
 * `run` is stable (safe in an effect) and resolves to `{ data }` when the action went through, `null` when it
 * was refused (the hook already shows why) or when a later `run` superseded it: only the latest call's outcome
 * reaches the state and the callbacks, so a preview asked for an old selection never lands on a new one.
 */
export function useAction<I, T>(action: (input: I) => Promise<ActionResult<T>>, opts: UseActionOptions<T> = {}) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const latest = useRef({ action, opts });
  const seq = useRef(0);
  useEffect(() => {
    latest.current = { action, opts };
  });

  const run = useCallback(async (input: I): Promise<{ data: T } | null> => {
    const call = ++seq.current;
    setPending(true);
    setError(null);
    setFieldErrors({});
    let res: ActionResult<T>;
    try {
      res = await latest.current.action(input);
    } catch {
      res = { ok: false, error: "The server could not be reached. Nothing was changed." };
    }
    if (call !== seq.current) return null;
    setPending(false);
    const o = latest.current.opts;
    if (res.ok) {
      if (o.success) toast.success(typeof o.success === "function" ? o.success(res.data) : o.success);
      o.onSuccess?.(res.data);
      return { data: res.data };
    }
    const fe = res.fieldErrors ?? {};
    setFieldErrors(fe);
    // With field errors the fields say it; the form-level line only carries what no field shows.
    const shown = Object.keys(fe).filter((k) => k !== "_form" && (!o.fields || o.fields.includes(k)));
    setError(shown.length && shown.length === Object.keys(fe).length ? null : res.error);
    if (o.toastErrors) toast.error(res.error);
    o.onError?.(res.error);
    return null;
  }, []);

  /** Forgets an error (one field's, or all of them) and any call still on its way. */
  const clear = useCallback((field?: string) => {
    setError(null);
    setFieldErrors((fe) => {
      if (!field) return {};
      if (!(field in fe)) return fe;
      const { [field]: _, ...rest } = fe;
      return rest;
    });
  }, []);

  /** Drops whatever a call still on its way would say (the question it answered is no longer asked). */
  const reset = useCallback(() => {
    seq.current++;
    setPending(false);
    setError(null);
    setFieldErrors({});
  }, []);

  return { run, pending, error, fieldErrors, clear, reset, setError };
}
