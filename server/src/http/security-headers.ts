import type { ServerResponse } from "node:http";
import helmet from "helmet";

const YEAR_SECONDS = 365 * 24 * 3600;

/** HSTS only when the issuer, the address browsers use, is https: a plain-http install must stay reachable. */
function isHttps(issuer: string): boolean {
  return issuer.startsWith("https:");
}

/**
 * Headers of everything Express serves, the admin app above all. The built app is one script
 * and one stylesheet from /assets with no inline script or style, so the policy allows its own
 * origin only; React's `style` props are set through the DOM, which `style-src` does not govern.
 */
export function webSecurityHeaders(issuer: string) {
  const https = isHttps(issuer);
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        ...(https ? { "upgrade-insecure-requests": [] } : {}),
      },
    },
    referrerPolicy: { policy: "no-referrer" },
    strictTransportSecurity: https ? { maxAge: YEAR_SECONDS, includeSubDomains: false } : false,
    xFrameOptions: { action: "deny" },
  });
}

/**
 * The same basics for the JSON answers of /graphql and the OAuth routes, which run on bare
 * node:http ahead of Express: two constant strings per request, nothing built on the /token path.
 */
export function apiSecurityHeaders(issuer: string): (res: ServerResponse) => void {
  const hsts = isHttps(issuer) ? `max-age=${YEAR_SECONDS}` : null;
  return (res) => {
    res.setHeader("x-content-type-options", "nosniff");
    if (hsts !== null) res.setHeader("strict-transport-security", hsts);
  };
}
