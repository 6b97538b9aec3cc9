import { isIP } from "node:net";
import { normalizeClientIp } from "./ip-address.js";

/**
 * The key a per-address limit counts under: an IPv4 address as is, an IPv6 address by its /64,
 * the smallest block one subscriber is usually given (RFC 6177), so rotating through the
 * addresses of one's own network buys no extra attempts.
 */
export function throttleKey(ip: string | null): string {
  const address = normalizeClientIp(ip ?? "");
  if (isIP(address) !== 6) return address === "" ? "unknown" : address;
  const [head, tail] = address.split("::");
  const left = head === "" ? [] : head.split(":");
  const right = tail === undefined || tail === "" ? [] : tail.split(":");
  const groups = tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill("0"), ...right];
  return `${groups.slice(0, 4).map((group) => Number.parseInt(group, 16).toString(16)).join(":")}::/64`;
}
