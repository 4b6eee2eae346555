import "server-only";
import dns from "node:dns/promises";
import net from "node:net";
import type pg from "pg";
import { addressInList, normalizeAddress, parseAddressList, type AddressList } from "@/lib/net/address-list";
import { SourceError } from "./catalog-reader";
import { connectionStringProblem } from "./target-rules";

// Where an integration may connect (#15 item 7). A workspace admin types the connection string, so without a rule
// "Test connection" would probe any host and port the console can reach: cloud metadata, the database next door, a
// Unix socket. The rule: the name is resolved once, here, and the client connects to that checked address (no second
// lookup to rebind); link-local, unspecified, multicast and broadcast addresses and socket paths are always refused;
// loopback and private ranges only when the operator lists them in ENCLAVE_INTEGRATION_HOSTS (host names, addresses
// or CIDR ranges). Every refusal and every unreachable server reads the same, so the answers map nothing.

export const UNREACHABLE_MESSAGE =
  "Could not connect to that server. Check the host and port; private, loopback and link-local addresses are refused unless the operator allows them (ENCLAVE_INTEGRATION_HOSTS).";

const ALWAYS_REFUSED = parseAddressList(
  ["169.254.0.0/16", "fe80::/10", "0.0.0.0/8", "::/128", "224.0.0.0/4", "ff00::/8", "255.255.255.255/32", "240.0.0.0/4"].join(","),
);
const LOCAL_OR_PRIVATE = parseAddressList(
  ["127.0.0.0/8", "::1/128", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "fc00::/7", "198.18.0.0/15", "192.0.0.0/24"].join(","),
);

export function integrationHosts(env: string | undefined = process.env.ENCLAVE_INTEGRATION_HOSTS): AddressList {
  return parseAddressList(env);
}

/** Whether an address may be connected to, the host name it came from being `host`. */
export function addressAllowed(address: string, host: string, allowed: AddressList): boolean {
  const a = normalizeAddress(address);
  if (!net.isIP(a) || addressInList(a, ALWAYS_REFUSED)) return false;
  if (!addressInList(a, LOCAL_OR_PRIVATE)) return true;
  return addressInList(a, allowed) || allowed.names.has(host.toLowerCase().replace(/\.$/, ""));
}

/**
 * The pg client configuration for a connection string, aimed at the one checked address of its host (TLS still
 * verifies the host name). Throws a SourceError with UNREACHABLE_MESSAGE when no address may be used.
 */
export async function resolveTarget(
  connectionString: string,
  opts: { allowed?: AddressList; lookup?: (host: string) => Promise<string[]> } = {},
): Promise<pg.ClientConfig> {
  const problem = connectionStringProblem(connectionString);
  if (problem) throw new SourceError(problem);
  const u = new URL(connectionString);
  const host = decodeURIComponent(u.hostname).replace(/^\[(.*)\]$/, "$1");
  const allowed = opts.allowed ?? integrationHosts();
  const lookup = opts.lookup ?? (async (h: string) => (await dns.lookup(h, { all: true, verbatim: true })).map((r) => r.address));
  let addresses: string[];
  try {
    addresses = net.isIP(host) ? [host] : await lookup(host);
  } catch {
    throw new SourceError(UNREACHABLE_MESSAGE);
  }
  // Every address the name has must pass, or a second lookup elsewhere could pick the refused one.
  if (!addresses.length || !addresses.every((a) => addressAllowed(a, host, allowed))) throw new SourceError(UNREACHABLE_MESSAGE);
  const sslmode = u.searchParams.get("sslmode");
  const ssl: pg.ClientConfig["ssl"] =
    sslmode === null || sslmode === "disable" ? false : sslmode === "no-verify" ? { rejectUnauthorized: false, servername: host } : { servername: net.isIP(host) ? undefined : host };
  const timeout = Number(u.searchParams.get("connect_timeout"));
  return {
    host: normalizeAddress(addresses[0]),
    port: u.port ? Number(u.port) : 5432,
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.replace(/^\//, "")) || decodeURIComponent(u.username),
    ssl,
    application_name: u.searchParams.get("application_name") ?? "enclave-sync",
    connectionTimeoutMillis: Number.isFinite(timeout) && timeout > 0 ? Math.min(timeout, 30) * 1000 : 8_000,
  };
}
