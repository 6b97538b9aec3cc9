import type { Request, Response } from "express";

/** Paths that belong to the API: unknown ones get JSON, never the SPA's HTML. */
export const API_PREFIXES = ["/graphql", "/token", "/introspect", "/revoke", "/.well-known/", "/api/", "/healthz", "/readyz"];

export function isApiPath(path: string): boolean {
  return API_PREFIXES.some((prefix) => path === prefix || path.startsWith(prefix.endsWith("/") ? prefix : `${prefix}/`));
}

export function jsonNotFound(req: Request, res: Response): void {
  res.status(404).json({ error: "not_found", error_description: `No route for ${req.method} ${req.path}` });
}
