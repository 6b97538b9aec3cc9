import type { ErrorParams, ErrorReason } from "../../common/error-reasons.js";
import type { FieldError } from "../../common/errors.js";
import { ipOrCidrIssue } from "../../common/ip-syntax.js";

export const NAME_MAX = 100;
export const DESCRIPTION_MAX = 1000;
/** What is stored and sent as the OAuth client id, prefix included (older, longer ids stay valid). */
export const CLIENT_ID_MAX = 64;
export const CLIENT_ID_MIN = 3;
export const MAX_ALLOWED_IPS = 50;
export const MAX_REDIRECT_URIS = 20;
const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

export function nameErrors(name: string, field = "name"): FieldError[] {
  const trimmed = name.trim();
  if (trimmed.length === 0) return [{ field, reason: "NAME_REQUIRED", message: "Name is required" }];
  if (trimmed.length > NAME_MAX) return [{ field, reason: "NAME_TOO_LONG", params: { max: NAME_MAX, length: trimmed.length }, message: `Name must be at most ${NAME_MAX} characters (got ${trimmed.length})` }];
  return [];
}

export function descriptionErrors(description: string): FieldError[] {
  return description.length > DESCRIPTION_MAX
    ? [{ field: "description", reason: "DESCRIPTION_TOO_LONG", params: { max: DESCRIPTION_MAX, length: description.length }, message: `Description must be at most ${DESCRIPTION_MAX} characters (got ${description.length})` }]
    : [];
}

/** The longest chosen part that keeps `<prefix>.<chosen>` within CLIENT_ID_MAX. */
export function chosenClientIdMax(prefix: string): number {
  return prefix === "" ? CLIENT_ID_MAX : CLIENT_ID_MAX - (prefix.length + 1);
}

/**
 * A chosen id: a-z, 0-9, dot, underscore, dash; the id stored is `<prefix>.<chosen>` (prefix: the
 * organization's slug), which must fit in CLIENT_ID_MAX characters. An empty prefix checks the
 * characters and the 64 limit of the chosen part alone.
 */
export function clientIdErrors(clientId: string, prefix = ""): FieldError[] {
  const min = CLIENT_ID_MIN;
  const max = chosenClientIdMax(prefix);
  const params = { min, max, prefix: prefix === "" ? "" : `${prefix}.` };
  if (!/^[a-z0-9._-]*$/.test(clientId)) {
    return [{ field: "clientId", reason: "CLIENT_ID_CHARACTERS", params, message: `Client id may hold only a-z, 0-9, dot, underscore and dash (${min}–${max} characters)` }];
  }
  if (clientId.length < min || clientId.length > max) {
    const whole = prefix === "" ? "" : `; the client id becomes ${params.prefix}<your id>, at most ${CLIENT_ID_MAX} characters`;
    return [{ field: "clientId", reason: "CLIENT_ID_LENGTH", params, message: `Client id must be ${min}–${max} characters${whole}` }];
  }
  return [];
}

export function expiresAtErrors(expiresAt: Date, now: Date): FieldError[] {
  if (Number.isNaN(expiresAt.getTime())) return [{ field: "expiresAt", reason: "EXPIRY_INVALID", message: "Expiry is not a valid date" }];
  return expiresAt.getTime() <= now.getTime() ? [{ field: "expiresAt", reason: "EXPIRY_IN_PAST", message: "Expiry must be in the future" }] : [];
}

function duplicateErrors(entries: string[], field: string, key: (entry: string) => string): FieldError[] {
  const seen = new Map<string, number>();
  const errors: FieldError[] = [];
  entries.forEach((entry, i) => {
    const first = seen.get(key(entry));
    if (first === undefined) seen.set(key(entry), i);
    else errors.push({ field: `${field}[${i}]`, reason: "ENTRY_DUPLICATE", params: { entry, position: first + 1 }, message: `"${entry}" is listed twice (also at position ${first + 1})` });
  });
  return errors;
}

export function allowedIpsErrors(entries: string[]): FieldError[] {
  if (entries.length > MAX_ALLOWED_IPS) return [{ field: "allowedIps", reason: "TOO_MANY_ALLOWED_IPS", params: { max: MAX_ALLOWED_IPS }, message: `At most ${MAX_ALLOWED_IPS} addresses or blocks` }];
  const errors: FieldError[] = [];
  entries.forEach((entry, i) => {
    const issue = ipOrCidrIssue(entry);
    if (issue === null) return;
    const params: ErrorParams = issue.reason === "IP_PREFIX_RANGE" ? { entry, max: issue.max } : { entry };
    errors.push({ field: `allowedIps[${i}]`, reason: issue.reason, params, message: `"${entry}" ${issue.text}` });
  });
  return [...errors, ...duplicateErrors(entries, "allowedIps", (entry) => entry.toLowerCase())];
}

interface UriIssue {
  reason: ErrorReason;
  text: string;
  scheme?: string;
}

/** Why a redirect URI is refused, or null. Exact-match URIs only (RFC 6749 §3.1.2, RFC 8252 §7). */
export function redirectUriIssue(uri: string): UriIssue | null {
  if (uri.includes("*")) return { reason: "REDIRECT_URI_WILDCARD", text: "must not contain wildcards" };
  if (/\s/.test(uri)) return { reason: "REDIRECT_URI_SPACES", text: "must not contain spaces" };
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return { reason: "REDIRECT_URI_NOT_ABSOLUTE", text: "is not an absolute URI with a scheme" };
  }
  if (uri.includes("#")) return { reason: "REDIRECT_URI_FRAGMENT", text: "must not contain a fragment" };
  const scheme = url.protocol.slice(0, -1);
  if (scheme === "https") return url.hostname === "" ? { reason: "REDIRECT_URI_NO_HOST", text: "has no host" } : null;
  if (scheme === "http") return LOOPBACK_HOSTS.has(url.hostname) ? null : { reason: "REDIRECT_URI_HTTP", text: "must use https (http is allowed only for localhost)" };
  if (["javascript", "data", "file", "vbscript", "about", "blob"].includes(scheme)) return { reason: "REDIRECT_URI_SCHEME_FORBIDDEN", scheme, text: `must not use the ${scheme}: scheme` };
  // Private-use schemes for native apps: reverse-domain or plain app names (RFC 8252 §7.1).
  return /^[a-z][a-z0-9+.-]*$/.test(scheme) ? null : { reason: "REDIRECT_URI_SCHEME_INVALID", text: "has an invalid scheme" };
}

export function redirectUriProblem(uri: string): string | null {
  return redirectUriIssue(uri)?.text ?? null;
}

export function redirectUrisErrors(uris: string[]): FieldError[] {
  if (uris.length > MAX_REDIRECT_URIS) return [{ field: "redirectUris", reason: "TOO_MANY_REDIRECT_URIS", params: { max: MAX_REDIRECT_URIS }, message: `At most ${MAX_REDIRECT_URIS} redirect URIs` }];
  const errors: FieldError[] = [];
  uris.forEach((uri, i) => {
    const issue = redirectUriIssue(uri);
    if (issue === null) return;
    const params: ErrorParams = issue.scheme === undefined ? { entry: uri } : { entry: uri, scheme: issue.scheme };
    errors.push({ field: `redirectUris[${i}]`, reason: issue.reason, params, message: `"${uri}" ${issue.text}` });
  });
  return [...errors, ...duplicateErrors(uris, "redirectUris", (uri) => uri)];
}
