import type { AppServices } from "../app-services.js";
import { clientCredentials } from "./client-credentials.js";
import { readForm } from "./form-body.js";
import { InvalidRequest, OAuthError, sendJson } from "./oauth-errors.js";
import { authenticateClient, NO_STORE, type OAuthHandler } from "./oauth-request.js";
import type { AccessTokenClaims } from "../modules/tokens/token.service.js";
import { DISPLAY_CLAIMS } from "../modules/user-tokens/directory-answer.js";

/**
 * RFC 7662. The caller is a client holding tokens.introspect; it sees tokens of its own
 * organization (a platform-level client, of every organization). Everything else is inactive.
 * `scope` is what the token may do now (TokenService.verify), not what it was issued with.
 */
export function introspectRoute(app: AppServices): OAuthHandler {
  return async (req, res, ctx) => {
    const params = await readForm(req);
    const caller = await authenticateClient(app, ctx, clientCredentials(req, params));
    if (!caller.state.client.permissions.includes("tokens.introspect")) {
      throw new OAuthError("insufficient_scope", "The client needs the tokens.introspect permission", 403);
    }
    const token = params.get("token");
    if (token === undefined || token === "") throw new InvalidRequest("token is required");
    // Tokens of any audience: resource servers introspect the tokens issued for them.
    const verified = await app.services.tokens.verify(ctx, token);
    const callerOrg = caller.state.client.organizationId;
    if ("refused" in verified || (callerOrg !== null && verified.claims.org_id !== callerOrg)) {
      sendJson(res, 200, { active: false }, NO_STORE);
      return;
    }
    const { claims, permissions } = verified;
    sendJson(
      res,
      200,
      { active: true, token_type: "Bearer", scope: permissions.join(" "), client_id: claims.client_id, sub: claims.sub, aud: claims.aud, iss: claims.iss, iat: claims.iat, exp: claims.exp, jti: claims.jti, org_id: claims.org_id, env: claims.env, ...userClaimsOf(claims) },
      NO_STORE,
    );
  };
}

/** A user token's own claims (issue 15), so resource servers see who acted for whom. */
function userClaimsOf(claims: AccessTokenClaims): Record<string, unknown> {
  if (claims.auth_type === undefined) return {};
  const display = Object.fromEntries(DISPLAY_CLAIMS.filter((name) => typeof claims[name] === "string").map((name) => [name, claims[name]]));
  return { auth_type: claims.auth_type, ...(claims.act === undefined ? {} : { act: claims.act }), ...(claims.preferred_username === undefined ? {} : { preferred_username: claims.preferred_username }), ...display };
}
