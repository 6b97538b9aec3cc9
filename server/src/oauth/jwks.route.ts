import type { AppServices } from "../app-services.js";
import { sendJson } from "./oauth-errors.js";
import type { OAuthHandler } from "./oauth-request.js";

/** Public keys only; cacheable for five minutes, well inside a retired key's publication period. */
export function jwksRoute(app: AppServices): OAuthHandler {
  return async (_req, res, ctx) => {
    sendJson(res, 200, { keys: await app.services.keys.publicKeys(ctx) }, { "cache-control": "public, max-age=300" });
  };
}
