import type { IncomingMessage } from "node:http";
import proxyaddr from "proxy-addr";
import { normalizeClientIp } from "../common/ip-address.js";
import type { TrustProxy } from "../config.js";

/** The caller's address, read through X-Forwarded-For only as far as CLAVIS_TRUST_PROXY trusts. */
export function clientIpResolver(trustProxy: TrustProxy): (req: IncomingMessage) => string {
  const trust =
    trustProxy === false ? proxyaddr.compile([]) : typeof trustProxy === "number" ? (_address: string, hop: number) => hop < trustProxy : proxyaddr.compile(trustProxy);
  return (req) => normalizeClientIp(proxyaddr(req as Parameters<typeof proxyaddr>[0], trust));
}
