import "server-only";
import type { Connection } from "./connect";
import { connect } from "./connect";

// Next bundles a module once per route chunk, so the one connection of the process lives on globalThis.
const g = globalThis as unknown as { __enclaveDb?: Promise<Connection> };

/** Tests install their own connection here before calling the access layer. */
export function setConnection(conn: Promise<Connection> | Connection): void {
  g.__enclaveDb = Promise.resolve(conn);
}

export function getConnection(): Promise<Connection> {
  if (!g.__enclaveDb) {
    g.__enclaveDb = connect();
    g.__enclaveDb.then((c) => {
      const shutdown = () => void c.close().finally(() => process.exit(0));
      process.once("SIGINT", shutdown);
      process.once("SIGTERM", shutdown);
    }, () => undefined);
  }
  return g.__enclaveDb;
}
