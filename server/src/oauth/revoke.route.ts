import type { AppServices } from "../app-services.js";
import { clientCredentials } from "./client-credentials.js";
import { readForm } from "./form-body.js";
import { InvalidRequest } from "./oauth-errors.js";
import { authenticateClient, NO_STORE, type OAuthHandler } from "./oauth-request.js";

/** RFC 7009: a client revokes its own tokens; unknown or foreign tokens still get 200. */
export function revokeRoute(app: AppServices): OAuthHandler {
  return async (req, res, ctx) => {
    const params = await readForm(req);
    const caller = await authenticateClient(app, ctx, clientCredentials(req, params));
    const token = params.get("token");
    if (token === undefined || token === "") throw new InvalidRequest("token is required");
    await app.services.tokens.revoke(ctx, caller.state.client.id, token);
    res.writeHead(200, { ...NO_STORE, "content-length": "0" });
    res.end();
  };
}
