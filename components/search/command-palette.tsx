"use client";
import { useEffect, useMemo, useState } from "react";
import { useRouter } from "next/navigation";
import { Command } from "cmdk";
import { Dialog as D } from "radix-ui";
import { ArrowRight, Clock, CornerDownLeft, Search as SearchIcon, UserRound, UsersRound } from "lucide-react";
import type { SearchHit } from "@/lib/search/types";
import { TYPE_LABELS } from "@/lib/catalog/types";
import { recordSearch } from "@/lib/search/actions";
import { TypeIcon } from "@/components/catalog/type-icon";
import { NavIcon } from "@/components/shell/nav-icon";
import type { NavItem } from "@/components/shell/nav";
import { useReturnFocus } from "@/components/ui/return-focus";
import { Highlight } from "./highlight";

export const OPEN_PALETTE_EVENT = "enclave:open-search";

function hrefOf(h: SearchHit): string {
  if (h.kind === "resource") return `/resources/${h.id}`;
  if (h.kind === "team") return `/teams/${h.slug}`;
  return `/search?q=${encodeURIComponent(h.email)}`;
}

const itemClass = "mx-1.5 flex cursor-pointer items-center gap-3 rounded-lg px-2.5 py-2 text-sm text-slate-700 data-[selected=true]:bg-brand-50 data-[selected=true]:text-slate-900";
const headingClass = "[&_[cmdk-group-heading]]:px-4 [&_[cmdk-group-heading]]:pb-1 [&_[cmdk-group-heading]]:pt-2 [&_[cmdk-group-heading]]:text-xs [&_[cmdk-group-heading]]:font-semibold [&_[cmdk-group-heading]]:uppercase [&_[cmdk-group-heading]]:tracking-wide [&_[cmdk-group-heading]]:text-slate-500";

/**
 * The ⌘K / Ctrl-K palette (cmdk in a Radix dialog: focus trapped, Esc closes, focus returns), mounted once in
 * the console layout. Empty, it offers the viewer's recent searches and the pages of their role; typed, the
 * results of the scoped /api/search grouped as teams, people (ranked by name there) and resources. Everything it
 * lists came from the access layer for this viewer: nothing is kept in the browser.
 */
export function CommandPalette({ pages }: { pages: NavItem[] }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState("");
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [recent, setRecent] = useState<string[]>([]);
  const [loading, setLoading] = useState(false);
  const [answered, setAnswered] = useState("");
  const returnFocus = useReturnFocus(open);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.metaKey || e.ctrlKey) && !e.altKey && e.key.toLowerCase() === "k") {
        e.preventDefault();
        setOpen((o) => !o);
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
    if (open) setQ("");
  }
  const request = open ? q : null;
  const [requested, setRequested] = useState(request);
  if (requested !== request) {
    setRequested(request);
    if (request !== null) setLoading(true);
  }

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
  const fresh = answered === term;
  const shown = useMemo(() => {
    const needle = term.toLowerCase();
    const results = term && fresh ? hits : [];
    return {
      recent: term ? [] : recent,
      teams: results.filter((h) => h.kind === "team"),
      people: results.filter((h) => h.kind === "person"),
      resources: results.filter((h) => h.kind === "resource"),
      pages: term ? pages.filter((p) => p.label.toLowerCase().includes(needle)) : pages,
    };
  }, [term, fresh, hits, recent, pages]);
  const order = useMemo(
    () => [
      ...shown.recent.map((r) => `recent:${r}`),
      ...[...shown.teams, ...shown.people, ...shown.resources].map((h) => `${h.kind}:${h.id}`),
      ...(term && shown.resources.length + shown.people.length + shown.teams.length ? ["all"] : []),
      ...shown.pages.map((p) => `page:${p.href}`),
    ],
    [shown, term],
  );


  const go = (href: string, record = true) => {
    if (record && term) void recordSearch({ q: term });
    setOpen(false);
    router.push(href);
  };
  const nothing = term && fresh && !loading && order.length === 0;

  return (
    <D.Root open={open} onOpenChange={setOpen}>
      <D.Portal>
        <D.Overlay className="fixed inset-0 z-50 bg-slate-900/40 backdrop-blur-[1px] dark:bg-black/60" />
        <D.Content
          aria-describedby={undefined}
          data-testid="command-palette"
          onCloseAutoFocus={returnFocus}
          className="fixed left-1/2 top-[10vh] z-50 w-[calc(100vw-1.5rem)] max-w-xl -translate-x-1/2 overflow-hidden rounded-xl border border-slate-200 bg-white shadow-2xl"
        >
          <D.Title className="sr-only">Search</D.Title>
          {/* cmdk keeps the active row: the first once results arrive (it re-picks when the active row goes away). */}
          <Command shouldFilter={false} loop label="Search" className="flex flex-col">
            <div className="flex items-center gap-2.5 border-b border-slate-100 px-4">
              <SearchIcon className="h-4 w-4 shrink-0 text-slate-500" aria-hidden />
              <Command.Input
                value={q}
                onValueChange={setQ}
                maxLength={200}
                placeholder="Search tables, columns, dashboards, people, teams…"
                className="h-12 w-full bg-transparent text-sm text-slate-900 outline-none placeholder:text-slate-500"
              />
              <kbd className="hidden shrink-0 rounded border border-slate-200 px-1.5 py-0.5 text-[10px] font-medium text-slate-500 sm:block">Esc</kbd>
            </div>
            <Command.List label={term ? "Results" : "Recent searches and pages"} className={`max-h-[min(60vh,28rem)] overflow-y-auto py-1.5 ${headingClass}`}>
              {shown.recent.length ? (
                <Command.Group heading="Recent searches">
                  {shown.recent.map((r) => (
                    <Command.Item key={r} value={`recent:${r}`} onSelect={() => setQ(r)} className={itemClass}>
                      <Square><Clock className="h-3.5 w-3.5" aria-hidden /></Square>
                      <span className="truncate">{r}</span>
                    </Command.Item>
                  ))}
                </Command.Group>
              ) : null}
              {shown.teams.length ? (
                <Command.Group heading="Teams">
                  {shown.teams.map((h) => <HitItem key={h.id} hit={h} q={term} onSelect={() => go(hrefOf(h))} />)}
                </Command.Group>
              ) : null}
              {shown.people.length ? (
                <Command.Group heading="People">
                  {shown.people.map((h) => <HitItem key={h.id} hit={h} q={term} onSelect={() => go(hrefOf(h))} />)}
                </Command.Group>
              ) : null}
              {shown.resources.length ? (
                <Command.Group heading="Resources">
                  {shown.resources.map((h) => <HitItem key={h.id} hit={h} q={term} onSelect={() => go(hrefOf(h))} />)}
                </Command.Group>
              ) : null}
              {order.includes("all") ? (
                <Command.Item value="all" onSelect={() => go(`/search?q=${encodeURIComponent(term)}`)} className={itemClass}>
                  <Square><ArrowRight className="h-3.5 w-3.5" aria-hidden /></Square>
                  <span className="truncate text-slate-600">See all results for “{term}”</span>
                </Command.Item>
              ) : null}
              {shown.pages.length ? (
                <Command.Group heading="Go to">
                  {shown.pages.map((p) => (
                    <Command.Item key={p.href} value={`page:${p.href}`} onSelect={() => go(p.href, false)} className={itemClass}>
                      <Square><NavIcon icon={p.icon} className="h-3.5 w-3.5" /></Square>
                      <span className="truncate">{p.label}</span>
                      <Enter />
                    </Command.Item>
                  ))}
                </Command.Group>
              ) : null}
            </Command.List>
            {nothing ? <p className="px-4 pb-4 pt-1 text-sm text-slate-600" data-testid="palette-empty">No results for “{term}”.</p> : null}
            <div className="flex items-center gap-4 border-t border-slate-100 bg-slate-50 px-4 py-2 text-[11px] text-slate-600">
              <span><kbd className="font-sans">↑</kbd> <kbd className="font-sans">↓</kbd> to move</span>
              <span><kbd className="font-sans">Enter</kbd> to open</span>
              <span><kbd className="font-sans">Esc</kbd> to close</span>
            </div>
          </Command>
        </D.Content>
      </D.Portal>
    </D.Root>
  );
}

const Square = ({ children }: { children: React.ReactNode }) => (
  <span className="flex h-6 w-6 shrink-0 items-center justify-center rounded-md bg-slate-100 text-slate-600">{children}</span>
);
const Enter = () => <CornerDownLeft className="ml-auto hidden h-3.5 w-3.5 shrink-0 text-slate-500 [[data-selected=true]_&]:block" aria-hidden />;

function HitItem({ hit: h, q, onSelect }: { hit: SearchHit; q: string; onSelect: () => void }) {
  return (
    <Command.Item value={`${h.kind}:${h.id}`} onSelect={onSelect} className={itemClass}>
      {h.kind === "resource" ? (
        <>
          <TypeIcon type={h.type} size="sm" />
          <span className="min-w-0 flex-1 truncate">
            <Highlight text={h.name} q={q} className="font-medium" />
            <span className="ml-2 text-xs text-slate-500">{TYPE_LABELS[h.type]}{h.parent ? ` · in ${h.parent}` : ""}</span>
          </span>
        </>
      ) : h.kind === "team" ? (
        <>
          <Square><UsersRound className="h-3.5 w-3.5" aria-hidden /></Square>
          <span className="min-w-0 flex-1 truncate">
            <Highlight text={h.name} q={q} className="font-medium" />
            <span className="ml-2 text-xs text-slate-500">Team</span>
          </span>
        </>
      ) : (
        <>
          <Square><UserRound className="h-3.5 w-3.5" aria-hidden /></Square>
          <span className="min-w-0 flex-1 truncate">
            <Highlight text={h.name} q={q} className="font-medium" />
            <span className="ml-2 text-xs text-slate-500">{h.email}</span>
          </span>
        </>
      )}
      <Enter />
    </Command.Item>
  );
}
