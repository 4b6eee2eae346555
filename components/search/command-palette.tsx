"use client";
import { useCallback, useEffect, useId, useMemo, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { ArrowRight, Clock, CornerDownLeft, Search as SearchIcon, UserRound, UsersRound } from "lucide-react";
import type { SearchHit } from "@/lib/search/types";
import { TYPE_LABELS } from "@/lib/catalog/types";
import { recordSearch } from "@/lib/search/actions";
import { TypeIcon } from "@/components/catalog/type-icon";
import { cn } from "@/components/ui/cn";
import { Highlight } from "./highlight";

export const OPEN_PALETTE_EVENT = "enclave:open-search";

type Item =
  | { key: string; kind: "recent"; q: string }
  | { key: string; kind: "hit"; hit: SearchHit; href: string }
  | { key: string; kind: "all"; q: string; href: string };

function hrefOf(h: SearchHit): string {
  if (h.kind === "resource") return `/resources/${h.id}`;
  if (h.kind === "team") return `/teams/${h.slug}`;
  return `/search?q=${encodeURIComponent(h.email)}`;
}

/** The ⌘K / Ctrl-K search palette, mounted once in the console layout so it opens on every page. */
export function CommandPalette() {
  const router = useRouter();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState("");
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [recent, setRecent] = useState<string[]>([]);
  const [loading, setLoading] = useState(false);
  const [answered, setAnswered] = useState("");
  const [active, setActive] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);

  const close = useCallback(() => setOpen(false), []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.metaKey || e.ctrlKey) && !e.altKey && e.key.toLowerCase() === "k") {
        e.preventDefault();
        setOpen((o) => !o);
      } else if (e.key === "Escape") {
        // Wherever the focus is (the input may not have it yet): Esc closes.
        setOpen(false);
      }
    };
    const onOpen = () => setOpen(true);
    window.addEventListener("keydown", onKey);
    window.addEventListener(OPEN_PALETTE_EVENT, onOpen);
    return () => {
      window.removeEventListener("keydown", onKey);
      window.removeEventListener(OPEN_PALETTE_EVENT, onOpen);
    };
  }, []);

  // Each opening starts empty, and each new query is loading until answered (adjusted during render).
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) {
      setQ("");
      setActive(0);
    }
  }
  const request = open ? q : null;
  const [requested, setRequested] = useState(request);
  if (requested !== request) {
    setRequested(request);
    if (request !== null) setLoading(true);
  }
  useEffect(() => {
    if (open) requestAnimationFrame(() => inputRef.current?.select());
  }, [open]);

  // Debounced, cancellable query to the scoped route; with no query, the viewer's recent searches.
  useEffect(() => {
    if (!open) return;
    const ctrl = new AbortController();
    const term = q.trim();
    const t = setTimeout(async () => {
      try {
        const res = await fetch(`/api/search?q=${encodeURIComponent(term)}&limit=8`, { signal: ctrl.signal, cache: "no-store" });
        if (!res.ok) throw new Error(String(res.status));
        const data = (await res.json()) as { q: string; hits: SearchHit[]; recent: string[] };
        setHits(data.hits);
        if (!term) setRecent(data.recent);
        setAnswered(term);
        setActive(0);
      } catch {
        if (!ctrl.signal.aborted) setHits([]);
      } finally {
        if (!ctrl.signal.aborted) setLoading(false);
      }
    }, term ? 150 : 0);
    return () => {
      clearTimeout(t);
      ctrl.abort();
    };
  }, [q, open]);

  const term = q.trim();
  const items: Item[] = useMemo(() => {
    if (!term) return recent.map((r) => ({ key: `recent:${r}`, kind: "recent" as const, q: r }));
    if (answered !== term) return [];
    if (!hits.length) return [];
    return [
      ...hits.map((h) => ({ key: `${h.kind}:${h.id}`, kind: "hit" as const, hit: h, href: hrefOf(h) })),
      { key: "all", kind: "all" as const, q: term, href: `/search?q=${encodeURIComponent(term)}` },
    ];
  }, [term, recent, hits, answered]);

  useEffect(() => {
    listRef.current?.querySelector<HTMLElement>(`[data-index="${active}"]`)?.scrollIntoView({ block: "nearest" });
  }, [active]);

  const choose = (item: Item | undefined) => {
    if (!item) return;
    if (item.kind === "recent") {
      setQ(item.q);
      inputRef.current?.focus();
      return;
    }
    void recordSearch({ q: term });
    setOpen(false);
    router.push(item.href);
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === "ArrowDown") {
      e.preventDefault();
      setActive((a) => (items.length ? (a + 1) % items.length : 0));
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      setActive((a) => (items.length ? (a - 1 + items.length) % items.length : 0));
    } else if (e.key === "Enter") {
      e.preventDefault();
      choose(items[active]);
    } else if (e.key === "Escape") {
      e.preventDefault();
      close();
    }
  };

  if (!open) return null;
  const optionId = (i: number) => `${id}-opt-${i}`;
  return (
    <div className="fixed inset-0 z-50 flex items-start justify-center bg-slate-900/30 px-4 pt-[12vh] backdrop-blur-[1px]" onMouseDown={(e) => e.target === e.currentTarget && close()}>
      <div role="dialog" aria-modal="true" aria-label="Search" data-testid="command-palette" className="w-full max-w-xl overflow-hidden rounded-xl border border-slate-200 bg-white shadow-2xl">
        <div className="flex items-center gap-2.5 border-b border-slate-100 px-4">
          <SearchIcon className="h-4 w-4 shrink-0 text-slate-400" aria-hidden />
          <input
            ref={inputRef}
            value={q}
            onChange={(e) => setQ(e.target.value)}
            onKeyDown={onKeyDown}
            maxLength={200}
            placeholder="Search tables, columns, dashboards, people, teams…"
            role="combobox"
            aria-expanded="true"
            aria-controls={`${id}-list`}
            aria-activedescendant={items.length ? optionId(active) : undefined}
            aria-autocomplete="list"
            className="h-12 w-full bg-transparent text-sm outline-none placeholder:text-slate-400"
          />
          <kbd className="hidden shrink-0 rounded border border-slate-200 px-1.5 py-0.5 text-[10px] font-medium text-slate-400 sm:block">Esc</kbd>
        </div>
        <ul ref={listRef} id={`${id}-list`} role="listbox" aria-label={term ? "Results" : "Recent searches"} className="max-h-[min(60vh,28rem)] overflow-y-auto py-1.5">
          {!term && items.length ? <li role="presentation" className="px-4 pb-1 pt-1.5 text-xs font-semibold uppercase tracking-wide text-slate-400">Recent searches</li> : null}
          {items.map((item, i) => (
            <li
              key={item.key}
              id={optionId(i)}
              data-index={i}
              role="option"
              aria-selected={i === active}
              onMouseMove={() => setActive(i)}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(item)}
              className={cn("mx-1.5 flex cursor-pointer items-center gap-3 rounded-lg px-2.5 py-2 text-sm", i === active ? "bg-brand-50 text-slate-900" : "text-slate-700")}
            >
              <PaletteRow item={item} q={term} />
              {i === active ? <CornerDownLeft className="ml-auto h-3.5 w-3.5 shrink-0 text-slate-400" aria-hidden /> : null}
            </li>
          ))}
        </ul>
        {term && answered === term && !loading && hits.length === 0 ? (
          <p className="px-4 pb-4 pt-1 text-sm text-slate-500" data-testid="palette-empty">No results for “{term}”.</p>
        ) : null}
        {!term && !items.length && !loading ? <p className="px-4 pb-4 pt-1 text-sm text-slate-500">Type to search what you have access to.</p> : null}
        <div className="flex items-center gap-4 border-t border-slate-100 bg-slate-50/60 px-4 py-2 text-[11px] text-slate-400">
          <span><kbd className="font-sans">↑</kbd> <kbd className="font-sans">↓</kbd> to move</span>
          <span><kbd className="font-sans">Enter</kbd> to open</span>
          <span><kbd className="font-sans">Esc</kbd> to close</span>
        </div>
      </div>
    </div>
  );
}

function PaletteRow({ item, q }: { item: Item; q: string }) {
  if (item.kind === "recent")
    return (
      <>
        <span className="flex h-6 w-6 shrink-0 items-center justify-center rounded-md bg-slate-100 text-slate-500"><Clock className="h-3.5 w-3.5" aria-hidden /></span>
        <span className="truncate">{item.q}</span>
      </>
    );
  if (item.kind === "all")
    return (
      <>
        <span className="flex h-6 w-6 shrink-0 items-center justify-center rounded-md bg-slate-100 text-slate-500"><ArrowRight className="h-3.5 w-3.5" aria-hidden /></span>
        <span className="truncate text-slate-600">See all results for “{item.q}”</span>
      </>
    );
  const h = item.hit;
  if (h.kind === "resource")
    return (
      <>
        <TypeIcon type={h.type} size="sm" />
        <span className="min-w-0 flex-1 truncate">
          <Highlight text={h.name} q={q} className="font-medium" />
          <span className="ml-2 text-xs text-slate-400">
            {TYPE_LABELS[h.type]}
            {h.parent ? ` · in ${h.parent}` : ""}
          </span>
        </span>
      </>
    );
  if (h.kind === "team")
    return (
      <>
        <span className="flex h-6 w-6 shrink-0 items-center justify-center rounded-md bg-slate-100 text-slate-600"><UsersRound className="h-3.5 w-3.5" aria-hidden /></span>
        <span className="min-w-0 flex-1 truncate">
          <Highlight text={h.name} q={q} className="font-medium" />
          <span className="ml-2 text-xs text-slate-400">Team</span>
        </span>
      </>
    );
  return (
    <>
      <span className="flex h-6 w-6 shrink-0 items-center justify-center rounded-md bg-slate-100 text-slate-600"><UserRound className="h-3.5 w-3.5" aria-hidden /></span>
      <span className="min-w-0 flex-1 truncate">
        <Highlight text={h.name} q={q} className="font-medium" />
        <span className="ml-2 text-xs text-slate-400">{h.email}</span>
      </span>
    </>
  );
}
