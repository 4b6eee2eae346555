"use client";
// The lineage of one resource: a graph (xyflow, laid out left to right) and, for keyboard and screen-reader
// users, the same edges as a list (paged). Everything drawn comes from the scoped lineage the server sent; nothing
// is fetched here. Direction and depth live in the URL (?ldir=&ldepth=) so a view can be shared. The server sends
// at most the nearest `limit` resources of the viewer's own lineage and says when there were more (`truncated`),
// which is said here in those words: a count of nothing, and nothing about what the viewer cannot see.
import { useLayoutEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { removeManualLineageEdge } from "@/lib/lineage/actions";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { ReactFlow, Background, Controls, MarkerType, Handle, Position, useStore, type Node, type Edge, type NodeProps } from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { Download, Image as ImageIcon } from "lucide-react";
import { buttonClass } from "@/components/ui/button";
import { useAction } from "@/components/ui/use-action";
import { layoutLineage, NODE_H, NODE_W, type Positioned } from "./layout";
import { download, lineageCsv, lineagePng } from "./export";
import { initialViewport, MAX_ZOOM, MIN_ZOOM } from "./viewport";
import { unpackLineage, type PackedLineage, type PanelEdge, type PanelNode } from "./packed";

export type { PanelEdge, PanelNode } from "./packed";

const KIND_LABEL: Record<string, string> = { view: "view", dbt: "dbt", bi: "BI", manual: "manual" };
const KIND_COLOR: Record<string, string> = { view: "#64748b", dbt: "#f97316", bi: "#0ea5e9", manual: "#8b5cf6" };

type Data = { node: PanelNode; start: boolean; highlight: boolean };

function ResourceNode({ data }: NodeProps<Node<Data>>) {
  const { node, start, highlight } = data;
  return (
    <div
      className={`rounded-lg border bg-white px-3 py-1.5 text-left shadow-sm ${start ? "border-brand-500 ring-2 ring-brand-200" : highlight ? "border-amber-400 ring-2 ring-amber-100" : "border-slate-300"}`}
      style={{ width: NODE_W, height: NODE_H }}
    >
      <Handle type="target" position={Position.Left} className="!bg-slate-400" />
      <div className="truncate text-[13px] font-semibold text-slate-900">{node.name}</div>
      <div className="truncate text-[11px] text-slate-500">{node.type.toLowerCase()} · {node.qualifiedName}</div>
      <Handle type="source" position={Position.Right} className="!bg-slate-400" />
    </div>
  );
}
const nodeTypes = { resource: ResourceNode };
// Every node has the same size and handles (left: target, right: source), so xyflow is told them up front instead
// of measuring each node first: with onlyRenderVisibleElements it otherwise mounts every unmeasured node once (all
// 500 at 1M, and the server rendered all 500 into the HTML) before keeping the few in the viewport.
const HANDLE = 6;
const HANDLES = [
  { type: "target" as const, position: Position.Left, x: -HANDLE / 2, y: NODE_H / 2 - HANDLE / 2, width: HANDLE, height: HANDLE },
  { type: "source" as const, position: Position.Right, x: NODE_W - HANDLE / 2, y: NODE_H / 2 - HANDLE / 2, width: HANDLE, height: HANDLE },
];
// …and measured already (the size every node has), so the first observation of a node changes nothing and does not
// re-render the flow.
const MEASURED = { width: NODE_W, height: NODE_H };
const LIST_PAGE = 100;
// Beyond this many edges they are drawn as one SVG path per kind (EdgeLayer) rather than one xyflow edge each:
// 4,800 edge components took 3–5 s to draw at 1M (bench/README.md); a few paths draw in milliseconds.
const EDGE_LAYER_MIN = 300;

/**
 * The edges as a few SVG paths in the flow's coordinates, under the nodes, moved with xyflow's viewport. Drawn as a
 * layer of the flow's own (not through ViewportPortal, whose target only exists once xyflow has mounted and stored
 * its DOM node: the edges then came one render and one frame after the nodes).
 */
function EdgeLayer({ edges, pos, selected }: { edges: PanelEdge[]; pos: Positioned; selected: string | null }) {
  const [tx, ty, zoom] = useStore((s) => s.transform);
  const paths = useMemo(() => {
    const by = new Map<string, string[]>();
    for (const e of edges) {
      const a = pos.get(e.from);
      const b = pos.get(e.to);
      if (!a || !b) continue;
      const x1 = a.x + NODE_W, y1 = a.y + NODE_H / 2, x2 = b.x, y2 = b.y + NODE_H / 2;
      const mx = (x1 + x2) / 2;
      const on = selected !== null && (e.from === selected || e.to === selected);
      const key = on ? "selected" : e.kind;
      const list = by.get(key) ?? by.set(key, []).get(key)!;
      list.push(`M${x1},${y1}C${mx},${y1} ${mx},${y2} ${x2 - 6},${y2}M${x2 - 7},${y2 - 4}L${x2},${y2}L${x2 - 7},${y2 + 4}`);
    }
    // The selected node's edges last, so they are drawn over the rest.
    return [...by.entries()].sort(([a], [b]) => Number(a === "selected") - Number(b === "selected"));
  }, [edges, pos, selected]);
  return (
    // Between the background and xyflow's renderer (z-index 4, which holds the nodes): under every node.
    <svg data-lineage-edges={edges.length} aria-hidden className="react-flow__container" style={{ overflow: "visible", pointerEvents: "none", zIndex: 3 }}>
      <g transform={`translate(${tx},${ty}) scale(${zoom})`}>
        {paths.map(([key, d]) => (
          <path
            key={key}
            d={d.join("")}
            fill="none"
            stroke={key === "selected" ? "#d97706" : KIND_COLOR[key] ?? "#64748b"}
            strokeWidth={key === "selected" ? 2.5 : 1.2}
            strokeOpacity={key === "selected" ? 1 : 0.55}
            // No dashes here (manual edges keep their own colour): dashing thousands of long curves is the slowest
            // thing to paint.
          />
        ))}
      </g>
    </svg>
  );
}

/**
 * The graph's pane. Its size is only known in the browser, so the server sends the empty pane and the flow is drawn
 * once the pane is measured (before the first paint: a layout effect), already at its initial viewport. Had the
 * server rendered it, the browser would parse, lay out and hydrate every node at the wrong viewport first.
 */
function GraphPane({ className, children }: { className: string; children: (size: { width: number; height: number }) => ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (el) setSize({ width: el.clientWidth, height: el.clientHeight });
  }, []);
  return (
    <div ref={ref} className={className} data-testid="lineage-graph">
      {size && size.width > 0 && size.height > 0 ? children(size) : null}
    </div>
  );
}

export function LineagePanel({ startId, graph, truncated = false, limit, direction, depth, fileName, canEdit = false }: {
  startId: string;
  /** The scoped lineage, packed (./packed.ts: a tenth of the bytes of node and edge objects in the page). */
  graph: PackedLineage;
  /** The server stopped at `limit` resources: more that the viewer can see lie within this depth and direction. */
  truncated?: boolean;
  limit?: number;
  direction: "up" | "down" | "both";
  depth: number;
  fileName: string;
  /** Editors and admins may remove manual edges from the list. */
  canEdit?: boolean;
}) {
  const { nodes, edges } = useMemo(() => unpackLineage(graph), [graph]);
  const router = useRouter();
  const removal = useAction(removeManualLineageEdge, { fields: [], success: "The manual edge was removed", onSuccess: () => router.refresh() });
  const { error, pending: removing } = removal;
  const pathname = usePathname();
  const search = useSearchParams();
  const [view, setView] = useState<"graph" | "list">("graph");
  const [selected, setSelected] = useState<string | null>(null);
  const [page, setPage] = useState(0);
  const pageCount = Math.max(1, Math.ceil(edges.length / LIST_PAGE));
  const shownPage = Math.min(page, pageCount - 1);
  const byId = useMemo(() => new Map(nodes.map((n) => [n.id, n])), [nodes]);
  const pos = useMemo(() => layoutLineage(nodes, edges, startId), [nodes, edges, startId]);
  // Selecting a node highlights its own edges (for a column: its column-level sources and uses).
  const touching = useMemo(() => {
    if (!selected) return new Set<string>();
    return new Set(edges.filter((e) => e.from === selected || e.to === selected).flatMap((e) => [e.from, e.to]));
  }, [selected, edges]);

  const flowNodes: Node<Data>[] = useMemo(
    () => nodes.map((n) => ({ id: n.id, type: "resource", position: pos.get(n.id) ?? { x: 0, y: 0 }, width: NODE_W, height: NODE_H, measured: MEASURED, handles: HANDLES, data: { node: n, start: n.id === startId, highlight: touching.has(n.id) }, draggable: false, connectable: false })),
    [nodes, pos, startId, touching],
  );
  const layered = edges.length > EDGE_LAYER_MIN;
  const flowEdges: Edge[] = useMemo(
    () =>
      layered ? [] : edges.map((e) => {
        const on = selected !== null && (e.from === selected || e.to === selected);
        const color = on ? "#d97706" : KIND_COLOR[e.kind] ?? "#64748b";
        return { id: `${e.from}>${e.to}:${e.kind}`, source: e.from, target: e.to, animated: false, style: { stroke: color, strokeWidth: on ? 2.5 : 1.5, strokeDasharray: e.kind === "manual" ? "5 4" : undefined }, markerEnd: { type: MarkerType.ArrowClosed, color } };
      }),
    [edges, selected, layered],
  );

  const setParam = (k: string, v: string) => {
    const sp = new URLSearchParams(search.toString());
    sp.set(k, v);
    router.replace(`${pathname}?${sp.toString()}#lineage`, { scroll: false });
  };

  const alone = edges.length === 0;
  return (
    <div data-testid="lineage-panel">
      <div className="flex flex-wrap items-center gap-3 border-b border-slate-100 px-5 py-3 text-sm">
        <label className="flex items-center gap-1.5 text-slate-600">
          Direction
          <select aria-label="Direction" className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm" value={direction} onChange={(e) => setParam("ldir", e.target.value)}>
            <option value="both">Upstream and downstream</option>
            <option value="up">Upstream</option>
            <option value="down">Downstream</option>
          </select>
        </label>
        <label className="flex items-center gap-1.5 text-slate-600">
          Depth
          <select aria-label="Depth" className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm" value={depth} onChange={(e) => setParam("ldepth", e.target.value)}>
            {[1, 2, 3, 4, 5].map((d) => <option key={d} value={d}>{d}</option>)}
          </select>
        </label>
        <div role="tablist" aria-label="Lineage view" className="ml-auto flex rounded-lg ring-1 ring-slate-300">
          {(["graph", "list"] as const).map((v) => (
            <button key={v} role="tab" aria-selected={view === v} onClick={() => setView(v)} className={`px-3 py-1 text-sm first:rounded-l-lg last:rounded-r-lg ${view === v ? "bg-slate-900 text-white dark:text-slate-50" : "bg-white text-slate-700 hover:bg-slate-50"}`}>
              {v === "graph" ? "Graph" : "List"}
            </button>
          ))}
        </div>
        <button className={buttonClass("secondary", "px-2.5 py-1 text-xs")} disabled={alone} onClick={() => download(`${fileName}-lineage.csv`, new Blob([lineageCsv(nodes, edges)], { type: "text/csv" }))}>
          <Download className="h-3.5 w-3.5" aria-hidden /> CSV
        </button>
        <button className={buttonClass("secondary", "px-2.5 py-1 text-xs")} disabled={alone} onClick={async () => download(`${fileName}-lineage.png`, await lineagePng(nodes, edges, pos, startId))}>
          <ImageIcon className="h-3.5 w-3.5" aria-hidden /> PNG
        </button>
      </div>
      {alone ? (
        <p className="px-5 py-6 text-sm text-slate-500">No lineage you can see at this depth.</p>
      ) : view === "graph" ? (
        <GraphPane className={nodes.length <= 6 ? "h-72" : "h-[28rem]"}>
          {({ width, height }) => (
            <ReactFlow
              nodes={flowNodes}
              edges={flowEdges}
              nodeTypes={nodeTypes}
              width={width}
              height={height}
              defaultViewport={initialViewport(pos, startId, width, height)}
              minZoom={MIN_ZOOM}
              maxZoom={MAX_ZOOM}
              onlyRenderVisibleElements={nodes.length > 200}
              nodesConnectable={false}
              nodesDraggable={false}
              onNodeClick={(_, n) => setSelected((s) => (s === n.id ? null : n.id))}
              onNodeDoubleClick={(_, n) => n.id !== startId && router.push(`/resources/${n.id}#lineage`)}
              proOptions={{ hideAttribution: true }}
            >
              {layered ? <EdgeLayer edges={edges} pos={pos} selected={selected} /> : null}
              <Background gap={16} color="#e2e8f0" />
              <Controls showInteractive={false} />
            </ReactFlow>
          )}
        </GraphPane>
      ) : (
        <table className="w-full text-sm" data-testid="lineage-list">
          <caption className="sr-only">Lineage edges: data flows from the first column to the second</caption>
          <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
            <tr><th className="px-5 py-2">From</th><th className="px-5 py-2">To</th><th className="px-5 py-2">Kind</th>{canEdit ? <th className="px-5 py-2"><span className="sr-only">Actions</span></th> : null}</tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {edges.slice(shownPage * LIST_PAGE, (shownPage + 1) * LIST_PAGE).map((e) => {
              const f = byId.get(e.from)!;
              const t = byId.get(e.to)!;
              return (
                <tr key={`${e.from}>${e.to}:${e.kind}`}>
                  <td className="px-5 py-2"><NodeLink node={f} start={f.id === startId} /></td>
                  <td className="px-5 py-2"><NodeLink node={t} start={t.id === startId} /></td>
                  <td className="px-5 py-2 text-slate-600">{KIND_LABEL[e.kind] ?? e.kind}</td>
                  {canEdit ? (
                    <td className="px-5 py-2 text-right">
                      {e.kind === "manual" ? (
                        <button
                          className="text-xs text-rose-700 hover:underline disabled:opacity-50"
                          disabled={removing}
                          aria-label={`Remove the manual edge from ${f.qualifiedName} to ${t.qualifiedName}`}
                          onClick={() => void removal.run({ fromId: e.from, toId: e.to })}
                        >
                          Remove
                        </button>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {!alone && view === "list" && pageCount > 1 ? (
        <nav aria-label="Lineage edges pages" className="flex items-center justify-end gap-3 border-t border-slate-100 px-5 py-2 text-sm text-slate-600">
          <span>
            Edges {(shownPage * LIST_PAGE + 1).toLocaleString("en-US")}–{Math.min(edges.length, (shownPage + 1) * LIST_PAGE).toLocaleString("en-US")} of {edges.length.toLocaleString("en-US")}
          </span>
          <button className={buttonClass("secondary", "px-2.5 py-1 text-xs")} disabled={shownPage === 0} onClick={() => setPage(shownPage - 1)}>Previous</button>
          <button className={buttonClass("secondary", "px-2.5 py-1 text-xs")} disabled={shownPage >= pageCount - 1} onClick={() => setPage(shownPage + 1)}>Next</button>
        </nav>
      ) : null}
      {error ? <p role="alert" className="px-5 py-2 text-sm text-rose-700">{error}</p> : null}
      {truncated ? (
        <p role="status" className="border-t border-amber-200 bg-amber-50 px-5 py-2 text-sm text-amber-900" data-testid="lineage-truncated">
          Showing the {nodes.length.toLocaleString("en-US")} nearest resources: more lie within depth {depth}. Narrow the depth or direction to see
          them all. The CSV and PNG hold what is shown.
        </p>
      ) : null}
      {!alone ? (
        <p className="border-t border-slate-100 px-5 py-2 text-xs text-slate-500">
          {nodes.length.toLocaleString("en-US")} resources, {edges.length.toLocaleString("en-US")} edges{truncated && limit ? ` (at most ${limit.toLocaleString("en-US")} resources at a time)` : ""}. Click a node to highlight its edges; double-click to open it.
        </p>
      ) : null}
    </div>
  );
}

function NodeLink({ node, start }: { node: PanelNode; start: boolean }) {
  return start ? (
    <span className="font-medium text-slate-900">{node.qualifiedName}</span>
  ) : (
    <Link href={`/resources/${node.id}#lineage`} className="text-brand-700 hover:underline">{node.qualifiedName}</Link>
  );
}
