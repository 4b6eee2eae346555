"use client";
import { useCallback, useState } from "react";
import { toast } from "sonner";
import type { ActionResult, FieldErrors } from "@/lib/actions/result";
export type { ActionResult } from "@/lib/actions/result";

/**
 * The one client for server actions: runs it, keeps `pending`, the form-level error and the per-field errors,
 * and says success or failure in a toast when asked. A field's error is cleared as soon as that field changes
 * (`clear("emails")`), so a stale "Already a member…" never outlives the input it was about.
 */
export function useAction<I, T>(action: (input: I) => Promise<ActionResult<T>>, opts: {
  onSuccess?: (data: T) => void;
  /** A toast on success: a fixed sentence or one built from the result. */
  success?: string | ((data: T) => string);
  /** Also toast failures (for actions started outside a form, such as a row button). */
  toastErrors?: boolean;
} = {}) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  const run = useCallback(async (input: I): Promise<ActionResult<T>> => {
    setPending(true);
    setError(null);
    setFieldErrors({});
    let res: ActionResult<T>;
    try {
      res = await action(input);
    } catch {
      res = { ok: false, error: "The server could not be reached. Nothing was changed." };
    }
    setPending(false);
    if (res.ok) {
      if (opts.success) toast.success(typeof opts.success === "function" ? opts.success(res.data) : opts.success);
      opts.onSuccess?.(res.data);
    } else {
      const fe = res.fieldErrors ?? {};
      setFieldErrors(fe);
      // With field errors the fields say it; the form-level line only carries what no field shows.
      setError(Object.keys(fe).length && !fe._form ? null : res.error);
      if (opts.toastErrors) toast.error(res.error);
    }
    return res;
  }, [action, opts]);

  const clear = useCallback((field?: string) => {
    setError(null);
    setFieldErrors((fe) => {
      if (!field) return {};
      if (!(field in fe)) return fe;
      const { [field]: _, ...rest } = fe;
      return rest;
    });
  }, []);

  return { run, pending, error, fieldErrors, clear, setError };
}
