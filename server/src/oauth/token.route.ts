import { clientCredentials } from "./client-credentials.js";
import { readForm } from "./form-body.js";
import { InvalidClient, InvalidRequest, InvalidScope, OAuthError, UnsupportedGrantType } from "./oauth-errors.js";
import { ClientGone } from "../modules/tokens/token-store.js";
import { authenticateClient, NO_STORE, type OAuthHandler } from "./oauth-request.js";
import { sendJson } from "./oauth-errors.js";
import type { AppServices } from "../app-services.js";
import { grantedScope } from "../modules/tokens/token-scope.js";
import { grantedUser, userGrantOf } from "./password-grant.js";
import { grantRequested } from "./token-metrics.js";

function checkGrantType(params: Map<string, string>): "client_credentials" | "password" {
  const grantType = params.get("grant_type");
  if (grantType === undefined) throw new InvalidRequest("grant_type is required");
  if (grantType !== "client_credentials" && grantType !== "password") throw new UnsupportedGrantType(`Only the client_credentials and password grants are supported, not ${grantType}`);
  return grantType;
}

/** RFC 8707 `resource`, or the widespread `audience`: an absolute URI without a fragment. */
function checkAudience(params: Map<string, string>): string | null {
  if (params.has("resource") && params.has("audience")) throw new InvalidRequest("Send resource or audience, not both");
  const audience = params.get("resource") ?? params.get("audience");
  if (audience === undefined) return null;
  let url: URL;
  try {
    url = new URL(audience);
  } catch {
    throw new OAuthError("invalid_target", "The resource must be an absolute URI");
  }
  if (url.hash !== "") throw new OAuthError("invalid_target", "The resource must not contain a fragment");
  return audience;
}

/** RFC 6749 §4.4: client credentials grant; §4.3, the password grant, for user tokens (issue 15). */
export function tokenRoute(app: AppServices): OAuthHandler {
  return async (req, res, ctx) => {
    const params = await readForm(req);
    grantRequested(res, params.get("grant_type"));
    const credentials = clientCredentials(req, params);
    const grantType = checkGrantType(params);
    const userGrant = grantType === "password" ? userGrantOf(params) : null;
    const audience = checkAudience(params);
    const client = await authenticateClient(app, ctx, credentials);
    const granted = grantedScope(client.state, params.get("scope"));
    if ("problem" in granted) throw new InvalidScope(granted.problem);
    const user = userGrant === null ? null : await grantedUser(app, ctx, client.state, userGrant);
    const issued = await app.services.tokens.issue(ctx, client.state, client.secretVersion, granted.scope, audience, ctx.ip ?? "", user).catch((error: unknown) => {
      // Deleted (through any node) between authentication and recording: as if the id were unknown.
      throw error instanceof ClientGone ? new InvalidClient(credentials.usedBasic) : error;
    });
    if (user !== null) await app.services.userTokens.recordIssued(ctx, client.state, user, issued);
    sendJson(res, 200, { access_token: issued.accessToken, token_type: "Bearer", expires_in: issued.expiresIn, scope: issued.scope }, NO_STORE);
  };
}
