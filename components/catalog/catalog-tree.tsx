"use client";
// The catalog home's tree of integrations → databases → schemas → tables. The first level arrives with the page;
// every other level is fetched when its node is opened (loadCatalogTreeChildren, scoped like every read), so a
// large workspace costs one small request per click.
//
// Structure, as the WAI-ARIA APG "Navigation Treeview" example: each node's link *is* its treeitem (inside an
// `li role="none"`), with aria-level / aria-setsize / aria-posinset declared and, when open, aria-owns pointing at
// the `ul role="group"` of its children next to it. Its name is its own text (aria-labelledby: through aria-owns
// the open group is its content, which is no part of its name), so label-in-name holds for every item; nothing
// but treeitems and groups lives in the tree: the type and count are shown beside the link and said as its
// description (aria-describedby), the chevron is a part of the link that toggles on a click, and the "N more" link
// is a treeitem of its own. Keyboard: one tab stop (roving tabindex); ↑/↓ walk the visible items, → opens (lazily) or
// steps into the children, ← closes or steps out to the parent, Home/End, a letter jumps to the next name starting
// with it, Enter (or Space) follows the link.
import { useCallback, useMemo, useRef, useState, type KeyboardEvent } from "react";
import Link from "next/link";
import { ChevronRight, LoaderCircle } from "lucide-react";
import type { TreeNode } from "@/lib/catalog/tree";
import { TYPE_LABELS } from "@/lib/catalog/types";
import { loadCatalogTreeChildren } from "@/lib/catalog/actions";
import { TypeIcon } from "./type-icon";
import { cn } from "@/components/ui/cn";
import { useAction } from "@/components/ui/use-action";

type Kids = { nodes: TreeNode[]; more: number };
/** A visible row as the keyboard walks it: a node, or the "N more in X" link that ends an open node's group. */
type Flat = { id: string; name: string; level: number; parent: string | null; node: TreeNode | null };

const plural = (n: number, one: string, many: string) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
const moreId = (parentId: string) => `more:${parentId}`;
const indent = (level: number) => ({ paddingLeft: `${(level - 1) * 1.25 + 0.25}rem` });

export function CatalogTree({ nodes, label }: { nodes: TreeNode[]; label: string }) {
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
  const items = useRef(new Map<string, HTMLAnchorElement>());
  const { run: load } = useAction(loadCatalogTreeChildren);

  // The visible rows in order: open nodes' children (and their "more" link) follow their parent.
  const flat = useMemo(() => {
    const out: Flat[] = [];
    const walk = (ns: TreeNode[], level: number, parent: string | null) => {
      for (const n of ns) {
        out.push({ id: n.id, name: n.name, level, parent, node: n });
        const k = kids.get(n.id);
        if (open.has(n.id) && k) {
          walk(k.nodes, level + 1, n.id);
          if (k.more > 0) out.push({ id: moreId(n.id), name: `${k.more} more in ${n.name}`, level: level + 1, parent: n.id, node: null });
        }
      }
    };
    walk(nodes, 1, null);
    return out;
  }, [nodes, kids, open]);
  // The one tab stop: the focused row while it is visible, else the first (a closed parent hid it).
  const tabStop = flat.some((f) => f.id === focused) ? focused : (flat[0]?.id ?? null);

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
  const collapse = (id: string) => {
    setOpen((s) => {
      const next = new Set(s);
      next.delete(id);
      return next;
    });
    // The focus (and the tab stop) does not vanish with the rows it was on: it comes up to the closed node.
    if (focused && focused !== id && flat.some((f) => f.id === focused)) {
      for (let p = flat.find((f) => f.id === focused)?.parent ?? null; p; p = flat.find((f) => f.id === p)?.parent ?? null) {
        if (p === id) {
          move(id);
          break;
        }
      }
    }
  };
  const toggle = (n: TreeNode) => (open.has(n.id) ? collapse(n.id) : void expand(n));

  function move(id: string | null | undefined) {
    if (!id) return;
    setFocused(id);
    items.current.get(id)?.focus();
  }

  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    const i = flat.findIndex((f) => f.id === tabStop);
    if (i < 0 || e.altKey || e.ctrlKey || e.metaKey) return;
    const here = flat[i]!;
    const n = here.node;
    const isOpen = !!n && open.has(n.id) && kids.has(n.id);
    switch (e.key) {
      case "ArrowDown":
        move(flat[i + 1]?.id);
        break;
      case "ArrowUp":
        move(flat[i - 1]?.id);
        break;
      case "ArrowRight":
        if (n?.expandable && !isOpen) void expand(n);
        else if (isOpen) move(flat[i + 1]?.parent === here.id ? flat[i + 1]!.id : undefined);
        break;
      case "ArrowLeft":
        if (isOpen) collapse(here.id);
        else move(here.parent);
        break;
      case "Home":
        move(flat[0]?.id);
        break;
      case "End":
        move(flat[flat.length - 1]?.id);
        break;
      case " ":
        // Space follows the link as Enter does (Enter is the link's own).
        items.current.get(here.id)?.click();
        break;
      default: {
        // A letter: the next visible item whose name starts with it, wrapping round.
        if (e.key.length !== 1 || !/\S/.test(e.key)) return;
        const ch = e.key.toLocaleLowerCase();
        const order = [...flat.slice(i + 1), ...flat.slice(0, i + 1)];
        const hit = order.find((f) => f.node && f.name.toLocaleLowerCase().startsWith(ch));
        if (!hit) return;
        move(hit.id);
      }
    }
    e.preventDefault();
  };

  const itemProps = (id: string) => ({
    ref: (el: HTMLAnchorElement | null) => {
      if (el) items.current.set(id, el);
      else items.current.delete(id);
    },
    role: "treeitem" as const,
    "aria-selected": tabStop === id,
    tabIndex: tabStop === id ? 0 : -1,
    onFocus: () => setFocused(id),
    className: "flex min-w-0 flex-1 items-center gap-2 rounded-md py-1.5 pr-2 text-sm outline-none hover:bg-slate-50 focus-visible:ring-2 focus-visible:ring-brand-500",
  });

  const render = (ns: TreeNode[], level: number, more: number, parent: TreeNode | null) => (
    <>
      {ns.map((n, i) => {
        const isOpen = open.has(n.id) && kids.has(n.id);
        const k = kids.get(n.id);
        const groupId = `tree-group-${n.id}`;
        const count = n.descendants ? (n.descendantsCapped ? `${n.descendants.toLocaleString("en-US")}+ resources` : plural(n.descendants, "resource", "resources")) : null;
        return (
          <li key={n.id} role="none">
            {/* The row shows the focus and the hover of its link (the item), across the type and count beside it. */}
            <div className="flex items-center gap-2 rounded-md pr-3 hover:bg-slate-50 has-[>a:focus-visible]:ring-2 has-[>a:focus-visible]:ring-brand-500">
              <Link
                href={`/resources/${n.id}`}
                {...itemProps(n.id)}
                className="flex min-w-0 flex-1 items-center gap-2 py-1.5 pr-2 text-sm outline-none"
                aria-level={level}
                aria-setsize={ns.length + (more > 0 ? 1 : 0)}
                aria-posinset={i + 1}
                aria-expanded={n.expandable ? isOpen : undefined}
                aria-owns={isOpen && k ? groupId : undefined}
                aria-busy={loading.has(n.id) || undefined}
                // Named by its own text: through aria-owns its open group is its content, which is no part of its name.
                aria-labelledby={`tree-name-${n.id}`}
                aria-describedby={`tree-about-${n.id}`}
                style={indent(level)}
              >
                {/* The chevron is part of the link, as in the APG example: a click on it opens or closes, elsewhere follows. */}
                <span
                  aria-hidden
                  data-tree-toggle={n.expandable ? (isOpen ? "collapse" : "expand") : undefined}
                  title={n.expandable ? `${isOpen ? "Collapse" : "Expand"} ${n.name}` : undefined}
                  onClick={(e) => {
                    if (!n.expandable) return;
                    e.preventDefault();
                    e.stopPropagation();
                    setFocused(n.id);
                    toggle(n);
                  }}
                  className={cn("flex h-6 w-6 shrink-0 items-center justify-center rounded text-slate-500", n.expandable && "cursor-pointer hover:bg-slate-200 hover:text-slate-900")}
                >
                  {n.expandable ? (
                    loading.has(n.id) ? <LoaderCircle className="h-4 w-4 animate-spin" /> : <ChevronRight className={cn("h-4 w-4 transition-transform", isOpen && "rotate-90")} />
                  ) : null}
                </span>
                <TypeIcon type={n.type} size="sm" />
                <span id={`tree-name-${n.id}`} className="min-w-0 truncate font-medium text-slate-900">{n.name}</span>
              </Link>
              {/* Seen next to the item, and said as its description (the hidden line), never as its name. */}
              <span aria-hidden className="flex shrink-0 items-center gap-2 text-xs text-slate-500">
                <span className="hidden sm:inline">{TYPE_LABELS[n.type]}</span>
                {count ? <span className="tabular-nums" data-tree-count="">{count}</span> : null}
              </span>
              <span id={`tree-about-${n.id}`} hidden>{TYPE_LABELS[n.type]}{count ? `, ${count}` : ""}</span>
            </div>
            {isOpen && k ? (
              <ul id={groupId} role="group" aria-label={n.name}>
                {render(k.nodes, level + 1, k.more, n)}
              </ul>
            ) : null}
          </li>
        );
      })}
      {parent && more > 0 ? (
        <li role="none">
          <Link href={`/resources/${parent.id}`} {...itemProps(moreId(parent.id))} aria-level={level} aria-setsize={ns.length + 1} aria-posinset={ns.length + 1} style={indent(level)}>
            <span aria-hidden className="h-6 w-6 shrink-0" />
            <span className="text-brand-700 hover:underline">{more.toLocaleString("en-US")} more in {parent.name}</span>
          </Link>
        </li>
      ) : null}
    </>
  );

  return (
    <>
      <ul role="tree" aria-label={label} onKeyDown={onKeyDown} className="px-3 py-2">
        {render(nodes, 1, 0, null)}
      </ul>
      {errors.size ? (
        <div role="alert" className="px-5 pb-3 text-sm text-red-700">
          {[...errors.values()].map((m) => <p key={m}>{m}</p>)}
        </div>
      ) : null}
    </>
  );
}
