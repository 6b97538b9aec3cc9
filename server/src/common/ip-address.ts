import { BlockList, isIP } from "node:net";

/** "10.0.0.0/8", "2001:db8::/32", "203.0.113.7" or "::1": null when valid, else why not. */
export function ipOrCidrProblem(entry: string): string | null {
  const [address, prefix, ...rest] = entry.split("/");
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return "is not an IPv4/IPv6 address or CIDR block";
  if (prefix === undefined) return null;
  const max = version === 4 ? 32 : 128;
  if (!/^\d{1,3}$/.test(prefix) || Number(prefix) > max) return `has a prefix length outside 0–${max}`;
  return null;
}

/** Strips the "::ffff:" that dual-stack sockets put before IPv4 client addresses. */
export function normalizeClientIp(ip: string): string {
  return ip.startsWith("::ffff:") && isIP(ip.slice(7)) === 4 ? ip.slice(7) : ip;
}

/** A matcher for a client's allowlist; an empty list allows every address. */
export function ipAllowlist(entries: string[]): (ip: string) => boolean {
  if (entries.length === 0) return () => true;
  const list = new BlockList();
  for (const entry of entries) {
    const [address, prefix] = entry.split("/");
    const type = isIP(address) === 6 ? "ipv6" : "ipv4";
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  return (ip) => {
    const address = normalizeClientIp(ip);
    const version = isIP(address);
    if (version === 0) return false;
    return list.check(address, version === 6 ? "ipv6" : "ipv4");
  };
}
