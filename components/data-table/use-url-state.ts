"use client";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useTransition } from "react";

/**
 * Table state lives in the URL: changing it navigates, and the server renders the new page. Paging, sorting and
 * filters push a history entry, so Back returns to the previous page of the table; typing in the filter box
 * replaces it (one entry per search, not per keystroke).
 */
export function useUrlState() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [pending, startTransition] = useTransition();
  const set = useCallback(
    (patch: Record<string, string | number | null>, opts: { resetPage?: boolean; history?: "push" | "replace" } = {}) => {
      const next = new URLSearchParams(params.toString());
      for (const [k, v] of Object.entries(patch)) {
        if (v === null || v === "") next.delete(k);
        else next.set(k, String(v));
      }
      if (opts.resetPage) next.delete("page");
      const qs = next.toString();
      const href = qs ? `${pathname}?${qs}` : pathname;
      startTransition(() => (opts.history === "replace" ? router.replace(href, { scroll: false }) : router.push(href, { scroll: false })));
    },
    [params, pathname, router],
  );
  return { params, set, pending };
}
