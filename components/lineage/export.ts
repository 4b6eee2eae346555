// Exports of what the viewer sees (the scoped lineage already on the page): CSV of the edges and a PNG drawn from
// the layout on a canvas (no DOM snapshot, so nothing off-screen or hidden can slip into the image).
import { NODE_H, NODE_W, type Positioned } from "./layout";

export type ExportNode = { id: string; name: string; qualifiedName: string; type: string };
export type ExportEdge = { from: string; to: string; kind: string };

const csvCell = (s: string) => {
  // A leading =, +, - or @ would be read as a formula by spreadsheets.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export function lineageCsv(nodes: ExportNode[], edges: ExportEdge[]): string {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const lines = [["from", "from_type", "to", "to_type", "kind"].join(",")];
  for (const e of edges) {
    const f = byId.get(e.from);
    const t = byId.get(e.to);
    if (!f || !t) continue;
    lines.push([f.qualifiedName, f.type, t.qualifiedName, t.type, e.kind].map(csvCell).join(","));
  }
  return lines.join("\r\n") + "\r\n";
}

export function download(name: string, blob: Blob) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export async function lineagePng(nodes: ExportNode[], edges: ExportEdge[], pos: Positioned, startId: string): Promise<Blob> {
  const xs = [...pos.values()];
  const minX = Math.min(...xs.map((p) => p.x)) - 20;
  const minY = Math.min(...xs.map((p) => p.y)) - 20;
  const w = Math.min(16000, Math.max(...xs.map((p) => p.x)) - minX + NODE_W + 20);
  const h = Math.min(16000, Math.max(...xs.map((p) => p.y)) - minY + NODE_H + 20);
  const canvas = document.createElement("canvas");
  canvas.width = w;
  canvas.height = h;
  const ctx = canvas.getContext("2d")!;
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, w, h);
  ctx.strokeStyle = "#94a3b8";
  ctx.lineWidth = 1.5;
  for (const e of edges) {
    const a = pos.get(e.from);
    const b = pos.get(e.to);
    if (!a || !b) continue;
    const x1 = a.x - minX + NODE_W, y1 = a.y - minY + NODE_H / 2, x2 = b.x - minX, y2 = b.y - minY + NODE_H / 2;
    ctx.beginPath();
    ctx.moveTo(x1, y1);
    ctx.bezierCurveTo((x1 + x2) / 2, y1, (x1 + x2) / 2, y2, x2, y2);
    ctx.stroke();
  }
  for (const n of nodes) {
    const p = pos.get(n.id);
    if (!p) continue;
    const x = p.x - minX, y = p.y - minY;
    ctx.fillStyle = n.id === startId ? "#eef2ff" : "#ffffff";
    ctx.strokeStyle = n.id === startId ? "#4f46e5" : "#cbd5e1";
    ctx.fillRect(x, y, NODE_W, NODE_H);
    ctx.strokeRect(x, y, NODE_W, NODE_H);
    ctx.fillStyle = "#0f172a";
    ctx.font = "600 13px system-ui, sans-serif";
    ctx.fillText(n.name.slice(0, 28), x + 10, y + 21);
    ctx.fillStyle = "#64748b";
    ctx.font = "11px system-ui, sans-serif";
    ctx.fillText(`${n.type.toLowerCase()} · ${n.qualifiedName}`.slice(0, 36), x + 10, y + 39);
  }
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("PNG export failed"))), "image/png"));
}
