// Where an integration may connect (#15 item 7): link-local addresses (cloud metadata) and socket paths never;
// loopback and private ranges only when ENCLAVE_INTEGRATION_HOSTS lists them; the name resolved once and the
// client aimed at that checked address; one message for every way of not getting through.
// No test here opens a connection to anything but the loopback: the refused addresses are checked with a stand-in
// resolver and never dialled.
import { afterEach, describe, expect, it, vi } from "vitest";
vi.mock("@/lib/auth/viewer", () => import("../helpers/mock-viewer"));
import { actAs } from "../helpers/mock-viewer";
import { setupTestDb } from "../helpers/db";
import { testConnectionString } from "@/lib/integrations/actions";
import { addressAllowed, integrationHosts, resolveTarget, UNREACHABLE_MESSAGE } from "@/lib/integrations/target";
import { connectionStringProblem } from "@/lib/integrations/target-rules";

const db = await setupTestDb();
const saved = process.env.ENCLAVE_INTEGRATION_HOSTS;
afterEach(() => {
  process.env.ENCLAVE_INTEGRATION_HOSTS = saved;
});

const fakeDns = (table: Record<string, string[]>) => async (h: string) => {
  if (!table[h]) throw Object.assign(new Error("not found"), { code: "ENOTFOUND" });
  return table[h];
};

describe("the connection-string rule", () => {
  it("refuses socket paths and parameters that redirect the client or read files", () => {
    for (const s of [
      "postgres://u:p@h.example/db?host=/var/run/postgresql",
      "postgres://u:p@%2Fvar%2Frun%2Fpostgresql/db",
      "postgres://u:p@h.example/db?hostaddr=169.254.169.254",
      "postgres://u:p@h.example/db?sslrootcert=/etc/passwd",
      "postgres://u:p@h.example/db?options=-c%20x",
      "mysql://u:p@h.example/db",
      "postgres:///db",
    ]) expect(connectionStringProblem(s), s).not.toBeNull();
    expect(connectionStringProblem("postgres://u:p@db.example.com:5433/sales?sslmode=require")).toBeNull();
  });

  it("link-local and unspecified addresses are refused even when listed; private ones only when listed", () => {
    const none = integrationHosts("");
    const listed = integrationHosts("169.254.169.254, 10.0.0.0/8, db.internal, ::1");
    for (const a of ["169.254.169.254", "fe80::1", "0.0.0.0", "::", "224.0.0.1", "::ffff:169.254.169.254"]) {
      expect(addressAllowed(a, "x", none), a).toBe(false);
      expect(addressAllowed(a, "x", listed), a).toBe(false);
    }
    for (const a of ["127.0.0.1", "10.1.2.3", "172.16.0.9", "192.168.1.1", "fd00::5", "100.64.0.1", "::1", "::ffff:127.0.0.1"]) {
      expect(addressAllowed(a, "x", none), a).toBe(false);
    }
    expect(addressAllowed("10.1.2.3", "x", listed)).toBe(true);
    expect(addressAllowed("::1", "x", listed)).toBe(true);
    expect(addressAllowed("192.168.1.1", "db.internal", listed)).toBe(true);
    expect(addressAllowed("192.168.1.1", "other.internal", listed)).toBe(false);
    expect(addressAllowed("203.0.113.10", "x", none)).toBe(true);
  });

  it("resolves once and aims the client at the checked address; a name with any refused address is refused", async () => {
    const lookup = fakeDns({ "db.example.com": ["203.0.113.10"], "mixed.example.com": ["203.0.113.11", "169.254.169.254"], "inside.example.com": ["10.0.0.7"] });
    const none = integrationHosts("");
    const cfg = await resolveTarget("postgres://u:p%40ss@db.example.com:6543/sales?sslmode=require", { allowed: none, lookup });
    expect(cfg).toMatchObject({ host: "203.0.113.10", port: 6543, user: "u", password: "p@ss", database: "sales", ssl: { servername: "db.example.com" } });
    for (const s of ["postgres://u:p@mixed.example.com/db", "postgres://u:p@inside.example.com/db", "postgres://u:p@nowhere.example.com/db", "postgres://u:p@169.254.169.254/db", "postgres://u:p@[fe80::1]/db"]) {
      await expect(resolveTarget(s, { allowed: none, lookup }), s).rejects.toThrow(UNREACHABLE_MESSAGE);
    }
    expect(await resolveTarget("postgres://u:p@inside.example.com/db", { allowed: integrationHosts("10.0.0.0/24"), lookup })).toMatchObject({ host: "10.0.0.7" });
  });
});

describe("Test connection answers the same for every way of not getting through", () => {
  it("a closed loopback port, an unlisted loopback address, a socket path: one message", async () => {
    actAs(await db.viewer("admin@acme.test"));
    process.env.ENCLAVE_INTEGRATION_HOSTS = "";
    const unlisted = await testConnectionString({ connectionString: "postgres://u:p@127.0.0.1:5432/postgres" });
    const named = await testConnectionString({ connectionString: "postgres://u:p@localhost:5432/postgres" });
    process.env.ENCLAVE_INTEGRATION_HOSTS = "127.0.0.1";
    const closed = await testConnectionString({ connectionString: "postgres://u:p@127.0.0.1:1/postgres" });
    expect(unlisted).toEqual({ ok: false, error: UNREACHABLE_MESSAGE });
    expect(named).toEqual({ ok: false, error: UNREACHABLE_MESSAGE });
    expect(closed).toEqual({ ok: false, error: UNREACHABLE_MESSAGE });
    const socket = await testConnectionString({ connectionString: "postgres://u:p@127.0.0.1/postgres?host=/var/run/postgresql" });
    expect(socket.ok).toBe(false);
    expect(socket.ok ? "" : socket.error).toMatch(/not allowed/);
  });
});
