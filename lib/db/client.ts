import "server-only";
import type { Connection } from "./connect";
import { connect } from "./connect";
import { onShutdown } from "@/lib/shutdown";

// Next bundles a module once per route chunk, so the one connection of the process lives on globalThis.
const g = globalThis as unknown as { __enclaveDb?: Promise<Connection> };

/** Tests install their own connection here before calling the access layer. */
export function setConnection(conn: Promise<Connection> | Connection): void {
  g.__enclaveDb = Promise.resolve(conn);
}

export function getConnection(): Promise<Connection> {
  if (!g.__enclaveDb) {
    g.__enclaveDb = connect();
    // Closed last when the process stops (after the job queue): the embedded folder's lock goes with it.
    g.__enclaveDb.then((c) => onShutdown("database", () => c.close(), { last: true }), () => undefined);
  }
  return g.__enclaveDb;
}
