"use client";
import { useCallback, useTransition } from "react";
import { useQueryStates, type inferParserType, type Nullable, type ParserMap } from "nuqs";

/**
 * A table's state in the URL through nuqs, with the parsers the server reads it with (lib/table-params.ts).
 * Updates are not shallow: the server renders the new page of rows. Paging, sorting and filters push a history
 * entry, so Back returns to the previous page of the table; typing in the filter box replaces it (one entry per
 * search, not per keystroke). `pending` is true while the server renders.
 */
export function useTableUrl<P extends ParserMap>(parsers: P) {
  const [pending, startTransition] = useTransition();
  const [values, setValues] = useQueryStates(parsers, { history: "push", shallow: false, scroll: false, startTransition });
  const set = useCallback(
    (patch: Partial<Nullable<inferParserType<P>>>, opts: { resetPage?: boolean; history?: "push" | "replace" } = {}) => {
      void setValues({ ...patch, ...(opts.resetPage && "page" in parsers ? { page: null } : {}) } as never, { history: opts.history ?? "push" });
    },
    [parsers, setValues],
  );
  return { values, set, pending };
}
