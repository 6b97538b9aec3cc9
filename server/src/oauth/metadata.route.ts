import type { AppServices } from "../app-services.js";
import { sendJson } from "./oauth-errors.js";
import type { OAuthHandler } from "./oauth-request.js";

/** RFC 8414 authorization server metadata. */
export function metadataRoute(app: AppServices): OAuthHandler {
  const issuer = app.config.issuer;
  const methods = ["client_secret_basic", "client_secret_post"];
  const body = {
    issuer,
    token_endpoint: `${issuer}/token`,
    jwks_uri: `${issuer}/.well-known/jwks.json`,
    introspection_endpoint: `${issuer}/introspect`,
    revocation_endpoint: `${issuer}/revoke`,
    grant_types_supported: ["client_credentials"],
    response_types_supported: [],
    token_endpoint_auth_methods_supported: methods,
    introspection_endpoint_auth_methods_supported: methods,
    revocation_endpoint_auth_methods_supported: methods,
    scopes_supported: app.services.catalog.permissions,
    service_documentation: `${issuer}/`,
  };
  return async (_req, res, ctx) => {
    // Issue 15: the password grant is listed only while some client may use it.
    const password = await app.services.userTokens.isPasswordGrantOffered(ctx);
    sendJson(res, 200, password ? { ...body, grant_types_supported: ["client_credentials", "password"] } : body, { "cache-control": "public, max-age=300" });
  };
}
