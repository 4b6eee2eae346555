// Structured logs: with LOG_FORMAT=json every console line becomes one JSON object on its stream
// ({"time","level","msg","requestId"?}), so a log shipper can index them and an operator can follow one request
// across servers. The request id comes from the proxy (x-request-id, kept from the load balancer when it sends one)
// and is carried through server actions and route handlers by runWithRequestId.
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import { format } from "node:util";

type Ctx = { requestId: string };
const g = globalThis as unknown as { __enclaveRequestCtx?: AsyncLocalStorage<Ctx>; __enclaveJsonLogs?: boolean };
const store = (g.__enclaveRequestCtx ??= new AsyncLocalStorage<Ctx>());

export const REQUEST_ID_HEADER = "x-request-id";

/** A request id as received (letters, digits, dashes; at most 100) or a new one. */
export function requestIdFrom(value: string | null | undefined): string {
  return value && /^[\w.-]{1,100}$/.test(value) ? value : randomUUID();
}

export function runWithRequestId<T>(requestId: string, fn: () => T): T {
  return store.run({ requestId }, fn);
}

export function currentRequestId(): string | undefined {
  return store.getStore()?.requestId;
}

/** One JSON line for a console call (exported for the unit test). */
export function jsonLine(level: string, args: unknown[], now = new Date()): string {
  const err = args.find((a): a is Error => a instanceof Error);
  const line: Record<string, unknown> = { time: now.toISOString(), level, msg: format(...args.map((a) => (a instanceof Error ? a.message : a))) };
  const requestId = currentRequestId();
  if (requestId) line.requestId = requestId;
  if (err?.stack) line.stack = err.stack;
  return JSON.stringify(line);
}

/** Replaces console's methods once per process when LOG_FORMAT=json. */
export function installJsonLogs(): void {
  if (process.env.LOG_FORMAT !== "json" || g.__enclaveJsonLogs) return;
  g.__enclaveJsonLogs = true;
  const out = (level: string, stream: NodeJS.WriteStream) => (...args: unknown[]) => void stream.write(`${jsonLine(level, args)}\n`);
  console.log = out("info", process.stdout);
  console.info = out("info", process.stdout);
  console.debug = out("debug", process.stdout);
  console.warn = out("warn", process.stderr);
  console.error = out("error", process.stderr);
}
