// Pure IP syntax checks, without node:net, so the admin app validates with the server's rules.

const OCTET = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const HEXTET = /^[0-9a-fA-F]{1,4}$/;

export function isIPv4(text: string): boolean {
  const parts = text.split(".");
  return parts.length === 4 && parts.every((part) => OCTET.test(part));
}

/** RFC 4291 §2.2 text forms, including "::" and a trailing IPv4 part; no zone ids. */
export function isIPv6(text: string): boolean {
  let head = text;
  if (text.includes(".")) {
    const lastColon = text.lastIndexOf(":");
    if (lastColon === -1 || !isIPv4(text.slice(lastColon + 1))) return false;
    head = `${text.slice(0, lastColon + 1)}0:0`;
  }
  const halves = head.split("::");
  if (halves.length > 2) return false;
  const groups = (half: string) => (half === "" ? [] : half.split(":"));
  const left = groups(halves[0]);
  const right = halves.length === 2 ? groups(halves[1]) : [];
  if (![...left, ...right].every((group) => HEXTET.test(group))) return false;
  const count = left.length + right.length;
  return halves.length === 2 ? count <= 7 : count === 8;
}

export function ipVersion(text: string): 0 | 4 | 6 {
  return isIPv4(text) ? 4 : isIPv6(text) ? 6 : 0;
}

export type IpProblem = { reason: "IP_INVALID"; text: string } | { reason: "IP_PREFIX_RANGE"; max: number; text: string };

/** "10.0.0.0/8", "2001:db8::/32", "203.0.113.7" or "::1": null when valid, else why not. */
export function ipOrCidrIssue(entry: string): IpProblem | null {
  const [address, prefix, ...rest] = entry.split("/");
  const version = ipVersion(address);
  if (version === 0 || rest.length > 0) return { reason: "IP_INVALID", text: "is not an IPv4/IPv6 address or CIDR block" };
  if (prefix === undefined) return null;
  const max = version === 4 ? 32 : 128;
  if (!/^\d{1,3}$/.test(prefix) || Number(prefix) > max) return { reason: "IP_PREFIX_RANGE", max, text: `has a prefix length outside 0–${max}` };
  return null;
}

export function ipOrCidrProblem(entry: string): string | null {
  return ipOrCidrIssue(entry)?.text ?? null;
}
