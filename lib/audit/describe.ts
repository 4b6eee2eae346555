/**
 * An audit event's before/after as lines a person reads: "role: Guest → Viewer", "teams: added Globex; removed
 * Initech", "description: set", one line per field that changed. Pure (used by the table and its tests).
 */
export type ChangeLine =
  | { field: string; kind: "changed"; from: string; to: string }
  | { field: string; kind: "set"; to: string }
  | { field: string; kind: "cleared"; from: string }
  | { field: string; kind: "list"; added: string[]; removed: string[] };

const LABELS: Record<string, string> = {
  openInvitations: "open invitations",
  expiresAt: "expires",
  groupName: "group",
  teamIds: "teams",
  users: "people",
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** A list item's name: people by e-mail, anything named by its name, else its text. */
function itemText(v: unknown): string {
  if (isObject(v)) return String(v.email ?? v.name ?? v.id ?? JSON.stringify(v));
  return text(v);
}

export function text(v: unknown): string {
  if (v == null || v === "") return "—";
  if (typeof v === "boolean") return v ? "yes" : "no";
  if (typeof v === "string") {
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v)) return v.slice(0, 16).replace("T", " ") + " UTC";
    return /^[A-Z_]+$/.test(v) ? v.charAt(0) + v.slice(1).toLowerCase().replace(/_/g, " ") : v;
  }
  if (Array.isArray(v)) return v.length ? v.map(itemText).join(", ") : "none";
  if (isObject(v)) return Object.entries(v).map(([k, x]) => `${k} ${text(x)}`).join(", ");
  return String(v);
}

export function describeChange(before: unknown, after: unknown): ChangeLine[] {
  const b = isObject(before) ? before : before == null ? {} : { value: before };
  const a = isObject(after) ? after : after == null ? {} : { value: after };
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((f) => f !== "id" && !f.endsWith("Id"));
  const out: ChangeLine[] = [];
  for (const key of fields) {
    const field = LABELS[key] ?? key.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
    const x = b[key];
    const y = a[key];
    if (Array.isArray(x) || Array.isArray(y)) {
      const xs = (Array.isArray(x) ? x : []).map(itemText);
      const ys = (Array.isArray(y) ? y : []).map(itemText);
      const added = ys.filter((v) => !xs.includes(v));
      const removed = xs.filter((v) => !ys.includes(v));
      if (added.length || removed.length) out.push({ field, kind: "list", added, removed });
      continue;
    }
    if (JSON.stringify(x) === JSON.stringify(y)) continue;
    if (x === undefined || x === null) out.push({ field, kind: "set", to: text(y) });
    else if (y === undefined || y === null) out.push({ field, kind: "cleared", from: text(x) });
    else out.push({ field, kind: "changed", from: text(x), to: text(y) });
  }
  return out;
}
