import { BlockList, isIP } from "node:net";

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
