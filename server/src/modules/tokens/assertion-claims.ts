/** Longest lifetime of a client assertion: exp at most this long after iat and after now. */
export const MAX_ASSERTION_LIFETIME_SECONDS = 300;
/** Tolerated clock difference for exp, nbf and iat. */
export const ASSERTION_LEEWAY_SECONDS = 30;

export interface AssertionClaimRules {
  issuer: string;
  subject: string;
  /** The assertion's aud must contain one of these, exactly. */
  audiences: readonly string[];
}

/**
 * RFC 7523 §3 claim checks shared by every assertion verifier: iss, sub, aud, a required short
 * exp, nbf and iat with a small leeway, and a required jti. The jti and its expiry, or null.
 */
export function checkAssertionClaims(payload: Record<string, unknown>, rules: AssertionClaimRules, nowMs = Date.now()): { jti: string; expiresAtMs: number } | null {
  const now = nowMs / 1000;
  const { iss, sub, aud, exp, nbf, iat, jti } = payload;
  if (iss !== rules.issuer || sub !== rules.subject) return null;
  const audiences = typeof aud === "string" ? [aud] : Array.isArray(aud) ? aud : [];
  if (!audiences.some((entry) => typeof entry === "string" && rules.audiences.includes(entry))) return null;
  if (typeof exp !== "number" || !Number.isFinite(exp)) return null;
  if (exp <= now - ASSERTION_LEEWAY_SECONDS || exp > now + MAX_ASSERTION_LIFETIME_SECONDS + ASSERTION_LEEWAY_SECONDS) return null;
  if (nbf !== undefined && (typeof nbf !== "number" || nbf > now + ASSERTION_LEEWAY_SECONDS)) return null;
  if (iat !== undefined && (typeof iat !== "number" || iat > now + ASSERTION_LEEWAY_SECONDS || exp - iat > MAX_ASSERTION_LIFETIME_SECONDS)) return null;
  if (typeof jti !== "string" || jti.length === 0 || jti.length > 256) return null;
  // Kept until the latest moment the assertion could still pass the exp check.
  return { jti, expiresAtMs: (exp + ASSERTION_LEEWAY_SECONDS) * 1000 };
}
