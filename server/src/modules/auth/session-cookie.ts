import type { ServerResponse } from "node:http";
import { SESSION_TTL_MS } from "./auth.service.js";

export const SESSION_COOKIE = "clavis_session";

/** The session token the cookie carries; a cookie that is not valid percent-encoding is no session. */
export function readSessionCookie(header: string | undefined): string | null {
  if (header === undefined) return null;
  for (const part of header.split(";")) {
    const [name, ...value] = part.trim().split("=");
    if (name !== SESSION_COOKIE) continue;
    try {
      return decodeURIComponent(value.join("="));
    } catch {
      return null;
    }
  }
  return null;
}

/** httpOnly and SameSite=Lax: scripts cannot read it and other sites cannot post with it. */
export function setSessionCookie(res: ServerResponse, token: string, secure: boolean): void {
  const expires = new Date(Date.now() + SESSION_TTL_MS).toUTCString();
  appendCookie(res, `${SESSION_COOKIE}=${encodeURIComponent(token)}; Max-Age=${Math.floor(SESSION_TTL_MS / 1000)}; Path=/; Expires=${expires}; HttpOnly${secure ? "; Secure" : ""}; SameSite=Lax`);
}

export function clearSessionCookie(res: ServerResponse, secure: boolean): void {
  appendCookie(res, `${SESSION_COOKIE}=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly${secure ? "; Secure" : ""}; SameSite=Lax`);
}

function appendCookie(res: ServerResponse, cookie: string): void {
  const existing = res.getHeader("set-cookie");
  res.setHeader("set-cookie", existing === undefined ? [cookie] : [...(Array.isArray(existing) ? existing : [String(existing)]), cookie]);
}
