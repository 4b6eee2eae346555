"use client";
// The catalog home's tree of integrations → databases → schemas → tables. The first level arrives with the page;
// every other level is fetched when its node is opened (loadCatalogTreeChildren, scoped like every read), so a
// large workspace costs one small request per click. Keyboard: the WAI-ARIA tree pattern (one tab stop; arrows
// move and open/close, Home/End, Enter follows the node's link). Each row's name link comes first in the DOM and
// the toggle after it (drawn on the left), so a link found by its name is the node's own.
import { useCallback, useMemo, useRef, useState, type KeyboardEvent } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { ChevronRight, LoaderCircle } from "lucide-react";
import type { TreeNode } from "@/lib/catalog/tree";
import { TYPE_LABELS } from "@/lib/catalog/types";
import { loadCatalogTreeChildren } from "@/lib/catalog/actions";
import { TypeIcon } from "./type-icon";
import { cn } from "@/components/ui/cn";
import { useAction } from "@/components/ui/use-action";

type Kids = { nodes: TreeNode[]; more: number };
type Flat = { node: TreeNode; level: number; parent: string | null };

const plural = (n: number, one: string, many: string) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

export function CatalogTree({ nodes, label }: { nodes: TreeNode[]; label: string }) {
  const router = useRouter();
  // What the page brought (the open tops and their children) seeds the cache of loaded children.
  const [kids, setKids] = useState<Map<string, Kids>>(() => {
    const m = new Map<string, Kids>();
    const walk = (ns: TreeNode[]) => {
      for (const n of ns) {
        if (n.open) m.set(n.id, { nodes: n.children, more: n.more });
        walk(n.children);
      }
    };
    walk(nodes);
    return m;
  });
  const [open, setOpen] = useState<Set<string>>(() => new Set([...kids.keys()]));
  const [loading, setLoading] = useState<Set<string>>(new Set());
  const [errors, setErrors] = useState<Map<string, string>>(new Map());
  const [focused, setFocused] = useState<string | null>(nodes[0]?.id ?? null);
  const items = useRef(new Map<string, HTMLLIElement>());
  const { run: load } = useAction(loadCatalogTreeChildren);

  // The rows as the keyboard walks them: open nodes' children follow their parent.
  const flat = useMemo(() => {
    const out: Flat[] = [];
    const walk = (ns: TreeNode[], level: number, parent: string | null) => {
      for (const n of ns) {
        out.push({ node: n, level, parent });
        const k = kids.get(n.id);
        if (open.has(n.id) && k) walk(k.nodes, level + 1, n.id);
      }
    };
    walk(nodes, 1, null);
    return out;
  }, [nodes, kids, open]);

  const expand = useCallback(
    async (n: TreeNode) => {
      if (!n.expandable) return;
      if (kids.has(n.id)) return setOpen((s) => new Set(s).add(n.id));
      setLoading((s) => new Set(s).add(n.id));
      const res = await load({ nodeId: n.id });
      setLoading((s) => {
        const next = new Set(s);
        next.delete(n.id);
        return next;
      });
      // null: refused (the node went out of sight) or superseded by a quicker click elsewhere; either way, again.
      if (!res) return setErrors((m) => new Map(m).set(n.id, `${n.name} could not be opened. Try again.`));
      setErrors((m) => {
        const next = new Map(m);
        next.delete(n.id);
        return next;
      });
      setKids((m) => new Map(m).set(n.id, res.data));
      setOpen((s) => new Set(s).add(n.id));
    },
    [kids, load],
  );
  const collapse = (id: string) =>
    setOpen((s) => {
      const next = new Set(s);
      next.delete(id);
      return next;
    });
  const toggle = (n: TreeNode) => (open.has(n.id) ? collapse(n.id) : void expand(n));

  const move = (id: string | undefined) => {
    if (!id) return;
    setFocused(id);
    items.current.get(id)?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    const i = flat.findIndex((f) => f.node.id === focused);
    if (i < 0) return;
    const here = flat[i];
    const isOpen = open.has(here.node.id) && kids.has(here.node.id);
    switch (e.key) {
      case "ArrowDown":
        move(flat[i + 1]?.node.id);
        break;
      case "ArrowUp":
        move(flat[i - 1]?.node.id);
        break;
      case "ArrowRight":
        if (here.node.expandable && !isOpen) void expand(here.node);
        else if (isOpen) move(flat[i + 1]?.parent === here.node.id ? flat[i + 1].node.id : undefined);
        break;
      case "ArrowLeft":
        if (isOpen) collapse(here.node.id);
        else move(here.parent ?? undefined);
        break;
      case "Home":
        move(flat[0]?.node.id);
        break;
      case "End":
        move(flat[flat.length - 1]?.node.id);
        break;
      case "Enter":
        router.push(`/resources/${here.node.id}`);
        break;
      default:
        return;
    }
    e.preventDefault();
  };

  const render = (ns: TreeNode[], level: number) => (
    <>
      {ns.map((n) => {
        const isOpen = open.has(n.id) && kids.has(n.id);
        const k = kids.get(n.id);
        return (
          <li
            key={n.id}
            ref={(el) => {
              if (el) items.current.set(n.id, el);
              else items.current.delete(n.id);
            }}
            role="treeitem"
            aria-selected={focused === n.id}
            aria-level={level}
            aria-expanded={n.expandable ? isOpen : undefined}
            aria-busy={loading.has(n.id) || undefined}
            aria-labelledby={`tree-name-${n.id}`}
            tabIndex={focused === n.id ? 0 : -1}
            onFocus={(e) => {
              if (e.target === e.currentTarget) setFocused(n.id);
            }}
            className="outline-none [&:focus-visible>div]:ring-2 [&:focus-visible>div]:ring-brand-500"
          >
            <div className="flex items-center gap-2 rounded-md py-1.5 pr-3 hover:bg-slate-50" style={{ paddingLeft: `${(level - 1) * 1.25 + 0.25}rem` }}>
              <Link
                href={`/resources/${n.id}`}
                tabIndex={-1}
                className="flex min-w-0 flex-1 items-center gap-2 text-sm font-medium text-slate-900 hover:text-brand-700"
              >
                <TypeIcon type={n.type} size="sm" />
                <span id={`tree-name-${n.id}`} className="truncate">{n.name}</span>
              </Link>
              <span className="hidden shrink-0 text-xs text-slate-400 sm:inline">{TYPE_LABELS[n.type]}</span>
              {n.descendants ? (
                <span className="shrink-0 text-xs tabular-nums text-slate-500">{n.descendantsCapped ? `${n.descendants.toLocaleString("en-US")}+ resources` : plural(n.descendants, "resource", "resources")}</span>
              ) : null}
              {/* Drawn first (order-first), after the link in the DOM. */}
              <span className="order-first flex h-6 w-6 shrink-0 items-center justify-center">
                {n.expandable ? (
                  <button
                    type="button"
                    tabIndex={-1}
                    aria-label={`${isOpen ? "Collapse" : "Expand"} ${n.name}`}
                    onClick={() => {
                      setFocused(n.id);
                      toggle(n);
                    }}
                    className="inline-flex h-6 w-6 items-center justify-center rounded text-slate-500 hover:bg-slate-100 hover:text-slate-900"
                  >
                    {loading.has(n.id) ? (
                      <LoaderCircle className="h-4 w-4 animate-spin" aria-hidden />
                    ) : (
                      <ChevronRight className={cn("h-4 w-4 transition-transform", isOpen && "rotate-90")} aria-hidden />
                    )}
                  </button>
                ) : null}
              </span>
            </div>
            {errors.has(n.id) ? (
              <p role="alert" className="py-1 text-sm text-red-700" style={{ paddingLeft: `${level * 1.25 + 2}rem` }}>
                {errors.get(n.id)}
              </p>
            ) : null}
            {isOpen && k ? (
              <ul role="group">
                {render(k.nodes, level + 1)}
              </ul>
            ) : null}
            {isOpen && k && k.more > 0 ? (
              <div className="py-1.5 text-sm" style={{ paddingLeft: `${level * 1.25 + 2}rem` }}>
                <Link href={`/resources/${n.id}`} tabIndex={-1} className="text-brand-700 hover:underline">
                  {k.more.toLocaleString("en-US")} more in {n.name}
                </Link>
              </div>
            ) : null}
          </li>
        );
      })}
    </>
  );

  return (
    <ul role="tree" aria-label={label} onKeyDown={onKeyDown} className="px-3 py-2">
      {render(nodes, 1)}
    </ul>
  );
}
