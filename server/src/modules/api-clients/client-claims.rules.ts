import type { FieldError } from "../../common/errors.js";

export const MAX_CUSTOM_CLAIMS = 20;
export const MAX_CLAIMS_BYTES = 2048;
export const MAX_CLAIM_DEPTH = 3;
const NAME_MAX = 64;
const URI_NAME_MAX = 256;
const FIELD = "customClaims";

/**
 * Names a client's custom claims may never take, compared ignoring case, so no claim can stand
 * in for one a resource server trusts: RFC 7519 §4.1 registered claims, RFC 9068 §2.2 access
 * token claims, RFC 8693 §4 delegation claims, RFC 7800 cnf, azp and scp, and every claim Clavis sets
 * itself (token.service.ts, and the directory's display claims of a user token).
 */
export const RESERVED_CLAIMS: readonly string[] = [
  "iss", "sub", "aud", "exp", "nbf", "iat", "jti",
  "client_id", "scope", "auth_time", "acr", "amr", "groups", "roles", "entitlements",
  "act", "may_act", "cnf",
  // OpenID Connect's authorized party (the client a token was issued to) and the scope claim's
  // other common name (Entra, Okta): resource servers moved from those read them as such.
  "azp", "scp",
  "org_id", "env", "auth_type", "preferred_username", "permissions", "typ",
  "name", "nickname", "locale", "picture",
];
const RESERVED = new Set(RESERVED_CLAIMS);

/** RFC 7519 §4.2/§4.3: a public name is a URI; a private one is a short plain name. */
function isClaimName(name: string): boolean {
  if (/^[A-Za-z0-9_.:-]{1,64}$/.test(name)) return true;
  if (name.length > URI_NAME_MAX || /\s/.test(name)) return false;
  try {
    const url = new URL(name);
    return url.protocol === "https:" || url.protocol === "http:" || url.protocol === "urn:";
  } catch {
    return false;
  }
}

/** A scalar is 0 deep, an array or object one more than its deepest member. */
function depthOf(value: unknown): number {
  if (value === null || typeof value !== "object") return 0;
  const members = Array.isArray(value) ? value : Object.values(value);
  return 1 + members.reduce<number>((deepest, member) => Math.max(deepest, depthOf(member)), 0);
}

function isJsonValue(value: unknown): boolean {
  if (value === null || typeof value === "string" || typeof value === "boolean") return true;
  if (typeof value === "number") return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isJsonValue);
  if (typeof value === "object" && [Object.prototype, null].includes(Object.getPrototypeOf(value))) return Object.values(value as object).every(isJsonValue);
  return false;
}

/** Field errors of a client's custom claims: a JSON object of at most 20 unreserved names, 2 KB. */
export function customClaimsErrors(claims: unknown): FieldError[] {
  if (claims === null || typeof claims !== "object" || Array.isArray(claims) || !isJsonValue(claims)) {
    return [{ field: FIELD, reason: "CLAIMS_NOT_OBJECT", message: "Custom claims must be a JSON object of names and JSON values" }];
  }
  const entries = Object.entries(claims as Record<string, unknown>);
  const errors: FieldError[] = [];
  if (entries.length > MAX_CUSTOM_CLAIMS) errors.push({ field: FIELD, reason: "CLAIMS_TOO_MANY", params: { max: MAX_CUSTOM_CLAIMS }, message: `At most ${MAX_CUSTOM_CLAIMS} custom claims` });
  for (const [name, value] of entries) {
    if (!isClaimName(name)) {
      errors.push({ field: FIELD, reason: "CLAIM_NAME_INVALID", params: { name: name.slice(0, NAME_MAX) }, message: `Claim name "${name.slice(0, NAME_MAX)}" must be 1 to ${NAME_MAX} of A-Z a-z 0-9 _ . : - or a URI` });
    } else if (RESERVED.has(name.toLowerCase())) {
      errors.push({ field: FIELD, reason: "CLAIM_NAME_RESERVED", params: { name }, message: `"${name}" is a claim the token sets itself; choose another name` });
    }
    if (depthOf(value) > MAX_CLAIM_DEPTH) errors.push({ field: FIELD, reason: "CLAIM_TOO_DEEP", params: { name: name.slice(0, NAME_MAX), max: MAX_CLAIM_DEPTH }, message: `Claim "${name.slice(0, NAME_MAX)}" nests deeper than ${MAX_CLAIM_DEPTH} levels` });
  }
  const size = Buffer.byteLength(JSON.stringify(claims), "utf8");
  if (size > MAX_CLAIMS_BYTES) errors.push({ field: FIELD, reason: "CLAIMS_TOO_LARGE", params: { max: MAX_CLAIMS_BYTES, size }, message: `Custom claims take ${size} bytes as JSON; at most ${MAX_CLAIMS_BYTES}` });
  return errors;
}

/** A client's own lifetime: from 60 seconds to its organization's. */
export const MIN_TOKEN_TTL_SECONDS = 60;

export function tokenTtlErrors(ttl: number, organizationMax: number): FieldError[] {
  if (Number.isInteger(ttl) && ttl >= MIN_TOKEN_TTL_SECONDS && ttl <= organizationMax) return [];
  return [{ field: "accessTokenTtlSeconds", reason: "TOKEN_TTL_RANGE", params: { min: MIN_TOKEN_TTL_SECONDS, max: organizationMax }, message: `Token lifetime must be from ${MIN_TOKEN_TTL_SECONDS} to ${organizationMax} seconds (the organization's)` }];
}
