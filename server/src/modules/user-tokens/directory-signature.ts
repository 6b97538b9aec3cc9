import { createHmac, timingSafeEqual } from "node:crypto";

export const TIMESTAMP_HEADER = "x-clavis-timestamp";
export const SIGNATURE_HEADER = "x-clavis-signature";

/**
 * The signature of one directory request: `v1=` and the hex HMAC-SHA256, under the shared
 * secret, of the Unix timestamp in seconds, a dot, and the exact body bytes. The timestamp is
 * signed so the platform can refuse stale or replayed requests (docs/user-tokens.md).
 */
export function directorySignature(secret: string, timestamp: string, body: string): string {
  return `v1=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

/** What a directory does with the two headers: a right signature no older than `maxAgeSeconds`. */
export function isValidDirectorySignature(secret: string, timestamp: string, body: string, signature: string, maxAgeSeconds = 60, now = Date.now()): boolean {
  if (!/^\d{1,12}$/.test(timestamp) || Math.abs(now / 1000 - Number(timestamp)) > maxAgeSeconds) return false;
  const expected = Buffer.from(directorySignature(secret, timestamp, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
