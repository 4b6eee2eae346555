import net from "node:net";

// Lists of addresses and ranges given by the operator (ENCLAVE_TRUSTED_PROXIES, ENCLAVE_INTEGRATION_HOSTS): IPv4 or
// IPv6 addresses and CIDR ranges, comma- or space-separated. node:net's BlockList does the matching.

export type AddressList = { list: net.BlockList; names: Set<string>; empty: boolean };

/** Strips the IPv4-mapped IPv6 prefix (::ffff:10.0.0.1 is 10.0.0.1) and brackets. */
export function normalizeAddress(raw: string): string {
  const s = raw.trim().replace(/^\[(.*)\]$/, "$1");
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(s);
  return (mapped ? mapped[1] : s).toLowerCase();
}

/** Parses a list; entries that are neither an address nor a range count as host names (lower-cased). */
export function parseAddressList(raw: string | undefined): AddressList {
  const list = new net.BlockList();
  const names = new Set<string>();
  let empty = true;
  for (const entry of (raw ?? "").split(/[\s,]+/).filter(Boolean)) {
    empty = false;
    const [addr, bits, extra] = entry.split("/");
    const a = normalizeAddress(addr);
    const family = net.isIP(a);
    if (!family) {
      if (bits === undefined) names.add(a.replace(/\.$/, ""));
      continue;
    }
    if (bits === undefined) list.addAddress(a, family === 4 ? "ipv4" : "ipv6");
    else if (extra === undefined && /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128)) list.addSubnet(a, Number(bits), family === 4 ? "ipv4" : "ipv6");
  }
  return { list, names, empty };
}

export function addressInList(address: string, l: AddressList): boolean {
  const a = normalizeAddress(address);
  const family = net.isIP(a);
  if (!family) return false;
  return l.list.check(a, family === 4 ? "ipv4" : "ipv6");
}
