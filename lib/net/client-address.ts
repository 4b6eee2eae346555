import net from "node:net";
import { addressInList, normalizeAddress, parseAddressList, type AddressList } from "./address-list";

// Who is on the other end of a request. X-Forwarded-For is whatever the client wrote unless it was added by a proxy
// the operator trusts (ENCLAVE_TRUSTED_PROXIES, none by default): the address is the socket's peer, or, when that
// peer is a trusted proxy, the right-most X-Forwarded-For entry that is not itself a trusted proxy.
// scripts/serve.ts runs this on the raw socket and hands the result to the app in CLIENT_ADDRESS_HEADER (any copy
// the client sent is dropped first); lib/auth reads only that header.

export const CLIENT_ADDRESS_HEADER = "x-enclave-client-address";

/**
 * The client's address of a request inside the app: what scripts/serve.ts determined from the socket (and
 * ENCLAVE_TRUSTED_PROXIES), never X-Forwarded-For, which the client writes itself. "unknown" without the server in
 * front (`next dev`). Every throttle and every "from which address" reads it here.
 */
export function requestClientAddress(headers: { get(name: string): string | null } | Record<string, unknown> | undefined): string {
  const v = typeof (headers as { get?: unknown })?.get === "function" ? (headers as { get(name: string): string | null }).get(CLIENT_ADDRESS_HEADER) : (headers as Record<string, unknown> | undefined)?.[CLIENT_ADDRESS_HEADER];
  return typeof v === "string" && v.length > 0 && v.length <= 64 ? v : "unknown";
}

export function trustedProxies(env: string | undefined = process.env.ENCLAVE_TRUSTED_PROXIES): AddressList {
  return parseAddressList(env);
}

export function clientAddress(peer: string | undefined, forwardedFor: string | string[] | undefined, trusted: AddressList): string {
  const p = normalizeAddress(peer ?? "");
  if (!net.isIP(p)) return "unknown";
  if (trusted.empty || !addressInList(p, trusted)) return p;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor ?? "").split(",").map(normalizeAddress).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    if (!net.isIP(hops[i])) return p; // a garbled chain: the last trustworthy address is the proxy itself
    if (!addressInList(hops[i], trusted)) return hops[i];
  }
  return hops[0] ?? p;
}

/** The key a client address is throttled by: an IPv6 address by its /64 (one subscriber's usual allocation). */
export function throttleAddress(address: string): string {
  const a = normalizeAddress(address);
  if (net.isIP(a) !== 6) return a;
  const full = expandIpv6(a);
  return full ? `${full.slice(0, 4).join(":")}::/64` : a;
}

function expandIpv6(a: string): string[] | null {
  const [head, tail, extra] = a.split("::");
  if (extra !== undefined) return null;
  const h = head ? head.split(":") : [];
  const t = tail !== undefined ? (tail ? tail.split(":") : []) : [];
  if (t.some((x) => x.includes(".")) || h.some((x) => x.includes("."))) return null;
  const fill = tail !== undefined ? Array(8 - h.length - t.length).fill("0") : [];
  const all = [...h, ...fill, ...t];
  return all.length === 8 ? all.map((x) => x.replace(/^0+(?=.)/, "")) : null;
}
