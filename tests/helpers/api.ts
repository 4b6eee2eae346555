/* eslint-disable @typescript-eslint/no-explicit-any -- the API's JSON answers, read as the tests assert them */
// Calls the REST API's route handlers in-process, as Next would: a NextRequest with the bearer token (or the
// session of tests/helpers/mock-viewer.ts for `auth: "session"`) and the path's params.
import { NextRequest } from "next/server";
import { ENDPOINTS } from "@/lib/api/endpoints";

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
const modules = import.meta.glob("/app/api/v1/**/route.ts", { eager: true }) as Record<string, Record<string, Handler>>;

const routes = Object.values(ENDPOINTS).map((e) => {
  const names: string[] = [];
  const re = new RegExp(`^${e.path.replace(/\{(\w+)\}/g, (_, n: string) => (names.push(n), "([^/]+)")).replace(/\./g, "\\.")}$`);
  const file = `/app/api/v1${e.path.replace(/\{(\w+)\}/g, "[$1]")}/route.ts`;
  return { e, re, names, file };
});

export type ApiResponse = { status: number; body: any; text: string; headers: Headers };

export async function api(method: string, pathAndQuery: string, opts: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {}): Promise<ApiResponse> {
  const [path] = pathAndQuery.split("?");
  const r = routes.find((x) => x.e.method === method && x.re.test(path!));
  if (!r) throw new Error(`no endpoint ${method} ${path}`);
  const m = r.re.exec(path!)!;
  const params = Object.fromEntries(r.names.map((n, i) => [n, decodeURIComponent(m[i + 1]!)]));
  const headers: Record<string, string> = { host: "localhost", ...(opts.headers ?? {}) };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  const hasBody = opts.body !== undefined || opts.rawBody !== undefined;
  if (hasBody && !headers["content-type"]) headers["content-type"] = "application/json";
  const req = new NextRequest(`http://localhost/api/v1${pathAndQuery}`, { method, headers, body: hasBody ? (opts.rawBody ?? JSON.stringify(opts.body)) : undefined });
  const handler = modules[r.file]?.[method];
  if (!handler) throw new Error(`${r.file} exports no ${method}`);
  const res = await handler(req, { params: Promise.resolve(params) });
  const text = res.status === 204 ? "" : await res.text();
  let body: any = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = text;
  }
  return { status: res.status, body, text, headers: res.headers };
}

/** Every page of a list endpoint, following nextCursor. */
export async function all(pathAndQuery: string, token: string): Promise<any[]> {
  const out: any[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 1000; i++) {
    const sep = pathAndQuery.includes("?") ? "&" : "?";
    const res = await api("GET", `${pathAndQuery}${sep}limit=7${cursor ? `&cursor=${cursor}` : ""}`, { token });
    if (res.status !== 200) throw new Error(`${pathAndQuery}: ${res.status} ${res.text}`);
    out.push(...res.body.data);
    cursor = res.body.nextCursor;
    if (!cursor) return out;
  }
  throw new Error("too many pages");
}
