import type { FieldError } from "../../common/errors.js";
import { ipOrCidrProblem } from "../../common/ip-syntax.js";

export const NAME_MAX = 100;
export const DESCRIPTION_MAX = 1000;
export const CLIENT_ID_PATTERN = /^[a-z0-9._-]{3,64}$/;
export const MAX_ALLOWED_IPS = 50;
export const MAX_REDIRECT_URIS = 20;
const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

export function nameErrors(name: string, field = "name"): FieldError[] {
  const trimmed = name.trim();
  if (trimmed.length === 0) return [{ field, message: "Name is required" }];
  if (trimmed.length > NAME_MAX) return [{ field, message: `Name must be at most ${NAME_MAX} characters (got ${trimmed.length})` }];
  return [];
}

export function descriptionErrors(description: string): FieldError[] {
  return description.length > DESCRIPTION_MAX
    ? [{ field: "description", message: `Description must be at most ${DESCRIPTION_MAX} characters (got ${description.length})` }]
    : [];
}

export function clientIdErrors(clientId: string): FieldError[] {
  return CLIENT_ID_PATTERN.test(clientId)
    ? []
    : [{ field: "clientId", message: "Client id must be 3–64 characters of a-z, 0-9, dot, underscore and dash" }];
}

export function expiresAtErrors(expiresAt: Date, now: Date): FieldError[] {
  if (Number.isNaN(expiresAt.getTime())) return [{ field: "expiresAt", message: "Expiry is not a valid date" }];
  return expiresAt.getTime() <= now.getTime() ? [{ field: "expiresAt", message: "Expiry must be in the future" }] : [];
}

function duplicateErrors(entries: string[], field: string, key: (entry: string) => string): FieldError[] {
  const seen = new Map<string, number>();
  const errors: FieldError[] = [];
  entries.forEach((entry, i) => {
    const first = seen.get(key(entry));
    if (first === undefined) seen.set(key(entry), i);
    else errors.push({ field: `${field}[${i}]`, message: `"${entry}" is listed twice (also at position ${first + 1})` });
  });
  return errors;
}

export function allowedIpsErrors(entries: string[]): FieldError[] {
  if (entries.length > MAX_ALLOWED_IPS) return [{ field: "allowedIps", message: `At most ${MAX_ALLOWED_IPS} addresses or blocks` }];
  const errors: FieldError[] = [];
  entries.forEach((entry, i) => {
    const problem = ipOrCidrProblem(entry);
    if (problem !== null) errors.push({ field: `allowedIps[${i}]`, message: `"${entry}" ${problem}` });
  });
  return [...errors, ...duplicateErrors(entries, "allowedIps", (entry) => entry.toLowerCase())];
}

/** Why a redirect URI is refused, or null. Exact-match URIs only (RFC 6749 §3.1.2, RFC 8252 §7). */
export function redirectUriProblem(uri: string): string | null {
  if (uri.includes("*")) return "must not contain wildcards";
  if (/\s/.test(uri)) return "must not contain spaces";
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return "is not an absolute URI with a scheme";
  }
  if (uri.includes("#")) return "must not contain a fragment";
  const scheme = url.protocol.slice(0, -1);
  if (scheme === "https") return url.hostname === "" ? "has no host" : null;
  if (scheme === "http") return LOOPBACK_HOSTS.has(url.hostname) ? null : "must use https (http is allowed only for localhost)";
  if (["javascript", "data", "file", "vbscript", "about", "blob"].includes(scheme)) return `must not use the ${scheme}: scheme`;
  // Private-use schemes for native apps: reverse-domain or plain app names (RFC 8252 §7.1).
  return /^[a-z][a-z0-9+.-]*$/.test(scheme) ? null : "has an invalid scheme";
}

export function redirectUrisErrors(uris: string[]): FieldError[] {
  if (uris.length > MAX_REDIRECT_URIS) return [{ field: "redirectUris", message: `At most ${MAX_REDIRECT_URIS} redirect URIs` }];
  const errors: FieldError[] = [];
  uris.forEach((uri, i) => {
    const problem = redirectUriProblem(uri);
    if (problem !== null) errors.push({ field: `redirectUris[${i}]`, message: `"${uri}" ${problem}` });
  });
  return [...errors, ...duplicateErrors(uris, "redirectUris", (uri) => uri)];
}
