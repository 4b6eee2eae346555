// The facts people look for on a resource page, only those the resource has: no empty rows.
import { formatDateTime } from "@/lib/format/date";
import { Card, CardHeader } from "@/components/ui/card";
import { TYPE_LABELS } from "@/lib/catalog/types";
import type { ResourceSummary } from "@/lib/catalog/types";

type ResourceType = ResourceSummary["type"];

// The one date format (lib/format/date.ts), in UTC here: this panel is rendered on the server.
const when = (iso: string) => formatDateTime(iso);

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ["kB", "MB", "GB", "TB"];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[i]}`;
}

export function ResourceDetails({ type, meta, createdAt, updatedAt, lastSyncedAt }: { type: ResourceType; meta: Record<string, unknown>; createdAt: string; updatedAt: string; lastSyncedAt?: string | null }) {
  const rows: [string, React.ReactNode][] = [["Type", typeof meta.kind === "string" && meta.kind !== type.toLowerCase() ? `${TYPE_LABELS[type]} (${meta.kind})` : TYPE_LABELS[type]]];
  if (typeof meta.dataType === "string") rows.push(["Data type", <code key="t" className="rounded bg-slate-100 px-1.5 py-0.5 text-xs">{meta.dataType}</code>]);
  if (typeof meta.nullable === "boolean") rows.push(["Nullable", meta.nullable ? "Yes" : "No"]);
  if (meta.primaryKey === true) rows.push(["Primary key", "Yes"]);
  else if (typeof meta.primaryKey === "string") rows.push(["Primary key", <code key="pk" className="text-xs">{meta.primaryKey}</code>]);
  if (typeof meta.rowEstimate === "number") rows.push(["Rows (estimated)", meta.rowEstimate.toLocaleString("en-US")]);
  if (typeof meta.rowCount === "number") rows.push(["Rows", meta.rowCount.toLocaleString("en-US")]);
  if (typeof meta.sizeBytes === "number") rows.push(["Size", formatBytes(meta.sizeBytes)]);
  if (lastSyncedAt) rows.push(["Last synced", when(lastSyncedAt)]);
  rows.push(["Created", when(createdAt)], ["Updated", when(updatedAt)]);
  return (
    <Card>
      <CardHeader title="Details" />
      <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-2 px-5 py-4 text-sm" data-testid="resource-details">
        {rows.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="whitespace-nowrap text-slate-500">{k}</dt>
            <dd className="min-w-0 break-words text-slate-800">{v}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
