import Link from "next/link";
import { ChevronDown, ChevronRight } from "lucide-react";
import type { TreeNode } from "@/lib/catalog/tree";
import { TYPE_LABELS } from "@/lib/catalog/types";
import { TypeIcon } from "./type-icon";

const plural = (n: number, one: string) => `${n.toLocaleString("en-US")} ${one}${n === 1 ? "" : "s"}`;

/**
 * The data sources as a tree (integration → database → schema → table). Opening a node is a link that adds it to
 * `?open=` (server-rendered, so it works without JavaScript and the state is in the URL); the name opens the
 * resource's page. Every count is of what the viewer can see.
 */
export function CatalogTree({ nodes, open }: { nodes: TreeNode[]; open: string[] }) {
  return (
    <ul className="py-2" data-testid="catalog-tree" aria-label="Data sources">
      {nodes.map((n) => (
        <Branch key={n.id} node={n} open={open} level={0} />
      ))}
    </ul>
  );
}

function toggleHref(open: string[], id: string): string {
  const next = open.includes(id) ? open.filter((x) => x !== id) : [...open, id];
  return `/catalog?open=${next.join(",")}`;
}

function Branch({ node, open, level }: { node: TreeNode; open: string[]; level: number }) {
  return (
    <li>
      <div className="flex items-center gap-1.5 py-1 pr-5 text-sm hover:bg-slate-50" style={{ paddingLeft: `${1 + level * 1.25}rem` }} data-tree-node={node.name}>
        {node.expandable ? (
          <Link
            href={toggleHref(open, node.id)}
            scroll={false}
            aria-expanded={node.open}
            aria-label={`${node.open ? "Close" : "Open"} ${node.name}`}
            className="rounded p-0.5 text-slate-500 hover:bg-slate-200 hover:text-slate-800"
          >
            {node.open ? <ChevronDown className="h-4 w-4" aria-hidden /> : <ChevronRight className="h-4 w-4" aria-hidden />}
          </Link>
        ) : (
          <span className="w-5" aria-hidden />
        )}
        <TypeIcon type={node.type} size="sm" />
        <Link href={`/resources/${node.id}`} className="min-w-0 truncate font-medium text-slate-800 hover:text-brand-700 hover:underline">{node.name}</Link>
        <span className="text-xs text-slate-400">{TYPE_LABELS[node.type]}</span>
        <span className="ml-auto shrink-0 text-xs tabular-nums text-slate-500" data-testid="tree-count">{node.descendants ? plural(node.descendants, "resource") : ""}</span>
      </div>
      {node.open && node.children.length ? (
        <ul>
          {node.children.map((c) => (
            <Branch key={c.id} node={c} open={open} level={level + 1} />
          ))}
          {node.more ? (
            <li className="py-1 text-sm" style={{ paddingLeft: `${2.75 + (level + 1) * 1.25}rem` }}>
              <Link href={`/resources/${node.id}`} className="text-brand-700 hover:underline">{plural(node.more, "more")} in {node.name}</Link>
            </li>
          ) : null}
        </ul>
      ) : null}
    </li>
  );
}
