"use client";
import { useEffect, useId, useRef, useState } from "react";
import { Loader2, Search, UserRound, UsersRound } from "lucide-react";
import { cn } from "@/components/ui/cn";
import { inputClass } from "@/components/ui/field";
import { ErrorNote } from "@/components/ui/notes";
import { useAction } from "@/components/ui/use-action";
import { findOwnerCandidates } from "@/lib/owners/actions";
import { OWNER_CANDIDATES_MAX, OWNER_QUERY_MAX } from "@/lib/owners/limits";
import type { OwnerCandidate } from "@/lib/owners/types";

/** How long the text rests before the server is asked (each keystroke would be a query otherwise). */
const DEBOUNCE_MS = 200;

const key = (o: { kind: string; id: string }) => `${o.kind}:${o.id}`;

/**
 * "Add an owner": a type-ahead over the people (and, for admins, groups) the server finds for this viewer — the
 * scope is the server's (lib/owners/queries.ts ownerCandidates), never filtered here. It follows the ARIA 1.2
 * combobox pattern with a listbox popup: focus stays in the text box; typing, ↓ or a click opens the list; ↓/↑
 * move the active option (announced through aria-activedescendant; they wrap); Enter picks it; Esc closes the
 * list, and a second Esc clears the text. A polite status says "Searching…", "No match" or how many matched.
 */
export function OwnerPicker({ resourceId, taken, disabled, onPick }: {
  resourceId: string;
  /** The current owners (kind:id): left out of the list at once, before the page refreshes. */
  taken: Set<string>;
  disabled: boolean;
  onPick: (o: OwnerCandidate) => void;
}) {
  const id = useId();
  const inputId = `${id}-input`;
  const listId = `${id}-list`;
  const optionId = (o: OwnerCandidate) => `${id}-opt-${o.kind}-${o.id}`;
  const [q, setQ] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  // The answer and the text it answers: while they differ, the list is on its way.
  const [answer, setAnswer] = useState<{ q: string; found: OwnerCandidate[] } | null>(null);
  const asked = useRef("");
  const search = useAction(findOwnerCandidates, { fields: [], onSuccess: (found) => setAnswer({ q: asked.current, found }) });
  const { run, reset } = search;

  useEffect(() => {
    if (!open) return;
    const text = q.trim();
    const t = setTimeout(() => {
      asked.current = text;
      void run({ resourceId, q: text });
    }, DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [open, q, resourceId, run]);

  const current = answer && answer.q === q.trim() ? answer.found.filter((o) => !taken.has(key(o))) : null;
  const shown = current ?? [];
  const loading = open && !current && !search.error;
  const activeOption = active >= 0 && active < shown.length ? shown[active] : undefined;
  const expanded = open && (shown.length > 0 || !!current || loading);

  const close = () => {
    setOpen(false);
    setActive(-1);
  };
  const pick = (o: OwnerCandidate) => {
    onPick(o);
    setQ("");
    setAnswer(null);
    close();
  };

  function onKeyDown(e: React.KeyboardEvent<HTMLInputElement>) {
    const move = (delta: number) => {
      e.preventDefault();
      if (!open) {
        setOpen(true);
        setActive(delta > 0 ? 0 : shown.length - 1);
        return;
      }
      if (!shown.length) return;
      const next = active < 0 ? (delta > 0 ? 0 : shown.length - 1) : (active + delta + shown.length) % shown.length;
      setActive(next);
      // Keep the active option in view while the focus stays in the text box.
      document.getElementById(optionId(shown[next]!))?.scrollIntoView({ block: "nearest" });
    };
    if (e.key === "ArrowDown") {
      if (e.altKey) {
        e.preventDefault();
        setOpen(true);
      } else move(1);
    } else if (e.key === "ArrowUp") move(-1);
    else if (e.key === "Enter") {
      // Enter picks, it never submits anything around the picker.
      e.preventDefault();
      if (open && activeOption) pick(activeOption);
    } else if (e.key === "Escape") {
      if (open) {
        e.preventDefault();
        e.stopPropagation();
        close();
      } else if (q) {
        e.preventDefault();
        e.stopPropagation();
        setQ("");
      }
    }
  }

  const status = !open ? "" : search.error ? "" : loading ? "Searching…" : shown.length ? `${shown.length} ${shown.length === 1 ? "match" : "matches"}${shown.length >= OWNER_CANDIDATES_MAX ? ": type more to narrow them" : ""}` : "No match";

  return (
    <div>
      <label htmlFor={inputId} className="text-xs font-medium text-slate-600">Add an owner</label>
      <div className="relative mt-1">
        <Search className="pointer-events-none absolute left-2.5 top-2.5 h-4 w-4 text-slate-500" aria-hidden />
        <input
          id={inputId}
          type="text"
          role="combobox"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={expanded && activeOption ? optionId(activeOption) : undefined}
          aria-describedby={`${id}-status`}
          autoComplete="off"
          spellCheck={false}
          maxLength={OWNER_QUERY_MAX}
          disabled={disabled}
          value={q}
          onChange={(e) => {
            setQ(e.target.value);
            setOpen(true);
            setActive(-1);
            search.clear();
          }}
          onClick={() => setOpen(true)}
          onKeyDown={onKeyDown}
          onBlur={() => {
            close();
            reset();
          }}
          placeholder="Type a name, an e-mail or a group…"
          className={`${inputClass} py-1.5 pl-8 pr-8`}
        />
        {loading ? <Loader2 className="absolute right-2.5 top-2.5 h-4 w-4 animate-spin text-slate-400" aria-hidden /> : null}
        <div className={cn("absolute inset-x-0 top-full z-20 mt-1 overflow-hidden rounded-lg border border-slate-200 bg-white shadow-lg", expanded ? "" : "hidden")}>
          <ul id={listId} role="listbox" aria-label="People and groups" aria-busy={loading} className="max-h-64 overflow-y-auto py-1">
            {shown.map((o, i) => (
              <li
                key={key(o)}
                id={optionId(o)}
                role="option"
                aria-selected={i === active}
                // The text box keeps the focus: a click picks without moving it.
                onMouseDown={(e) => e.preventDefault()}
                onMouseMove={() => setActive(i)}
                onClick={() => pick(o)}
                className={cn("flex cursor-pointer items-center gap-2 px-3 py-2 text-sm", i === active ? "bg-brand-50 text-brand-900" : "text-slate-800")}
              >
                {o.kind === "user" ? <UserRound className="h-4 w-4 shrink-0 text-slate-400" aria-hidden /> : <UsersRound className="h-4 w-4 shrink-0 text-slate-400" aria-hidden />}
                <span className="min-w-0 flex-1">
                  <span className="block truncate font-medium">{o.name}</span>
                  <span className="block truncate text-xs text-slate-500">{o.detail}</span>
                </span>
              </li>
            ))}
          </ul>
          {!shown.length ? <p className="px-3 py-2.5 text-sm text-slate-600" aria-hidden>{loading ? "Searching…" : "No match"}</p> : null}
        </div>
      </div>
      <p id={`${id}-status`} role="status" aria-live="polite" className="sr-only">{status}</p>
      {search.error ? <div className="mt-2"><ErrorNote>{search.error}</ErrorNote></div> : null}
    </div>
  );
}
