// The lineage part of a resource page, rendered on its own under a Suspense boundary: the page's shell (and its
// scripts, xyflow among them) goes out while the walk runs, and nothing else on the page waits for it. The page
// starts the read (startLineageView) before it reads the resource itself, so the two run at once; the resource's
// own read still decides the status (a miss is the plain 404, and the lineage read is then simply dropped).
import type { Viewer } from "@/lib/auth/viewer";
import { LINEAGE_VIEW_LIMIT, lineageOf, type Lineage } from "@/lib/lineage/queries";
import type { LineageOptions } from "@/lib/lineage/schemas";
import { LineagePanel } from "./lineage-panel";
import { packLineage } from "./packed";

/**
 * The resource page's lineage read, started at once. lineageOf is scoped on its own (null for a resource the viewer
 * cannot see), so starting it before the page has checked the resource reveals nothing: its result is only ever
 * rendered under a resource the page found. A page that 404s never awaits it, hence the handled rejection here
 * (the section that does await it still gets the error).
 */
export function startLineageView(viewer: Viewer, resourceId: string, options: LineageOptions): Promise<Lineage | null> {
  const read = lineageOf(viewer, resourceId, { ...options, limit: LINEAGE_VIEW_LIMIT });
  read.catch(() => undefined);
  return read;
}

export async function LineageSection({ lineage: read, resourceId, fileName, canEdit, options }: {
  lineage: Promise<Lineage | null>;
  resourceId: string;
  fileName: string;
  canEdit: boolean;
  options: LineageOptions;
}) {
  // null only if the resource left the viewer's scope since the page read it: then there is nothing to draw.
  const lineage = (await read) ?? { nodes: [], edges: [], truncated: false };
  return (
    <LineagePanel
      startId={resourceId}
      graph={packLineage(lineage.nodes, lineage.edges)}
      truncated={lineage.truncated}
      limit={LINEAGE_VIEW_LIMIT}
      direction={options.direction}
      depth={options.depth}
      fileName={fileName}
      canEdit={canEdit}
    />
  );
}

/** While the lineage is read: the panel's shape (its toolbar and the graph's area), nothing named. */
export function LineageLoading() {
  return (
    <div aria-busy="true" role="status" className="animate-pulse" data-testid="lineage-loading">
      <div className="flex items-center gap-3 border-b border-slate-100 px-5 py-3">
        <div className="h-7 w-56 rounded bg-slate-100" />
        <div className="h-7 w-24 rounded bg-slate-100" />
      </div>
      <div className="h-72 bg-slate-50/60" />
      <span className="sr-only">Loading the lineage…</span>
    </div>
  );
}
