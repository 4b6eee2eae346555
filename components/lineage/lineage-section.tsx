// The lineage part of a resource page, read and rendered on its own under a Suspense boundary: the page's shell (and
// its scripts, xyflow among them) goes out while the walk runs, and nothing else on the page waits for it. The
// resource itself was read (and a miss turned into a 404) before this streams, so no status depends on it.
import type { Viewer } from "@/lib/auth/viewer";
import { LINEAGE_VIEW_LIMIT, lineageOf } from "@/lib/lineage/queries";
import type { LineageOptions } from "@/lib/lineage/schemas";
import { LineagePanel } from "./lineage-panel";
import { packLineage } from "./packed";

export async function LineageSection({ viewer, resourceId, fileName, canEdit, options }: {
  viewer: Viewer;
  resourceId: string;
  fileName: string;
  canEdit: boolean;
  options: LineageOptions;
}) {
  // null only if the resource left the viewer's scope since the page read it: then there is nothing to draw.
  const lineage = (await lineageOf(viewer, resourceId, { ...options, limit: LINEAGE_VIEW_LIMIT })) ?? { nodes: [], edges: [], truncated: false };
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
