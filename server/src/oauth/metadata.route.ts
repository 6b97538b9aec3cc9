import type { AppServices } from "../app-services.js";
import { CLIENT_KEY_ALGORITHMS } from "../modules/tokens/private-key-jwt-verifier.js";
import { sendJson } from "./oauth-errors.js";
import type { OAuthHandler } from "./oauth-request.js";

/** RFC 8414 authorization server metadata. */
export function metadataRoute(app: AppServices): OAuthHandler {
  const issuer = app.config.issuer;
  const methods = ["client_secret_basic", "client_secret_post", "private_key_jwt"];
  // RFC 8414 §2: the JWS algorithms of private_key_jwt assertions (issue 17).
  const algorithms = [...CLIENT_KEY_ALGORITHMS];
  const body = {
    issuer,
    token_endpoint: `${issuer}/token`,
    jwks_uri: `${issuer}/.well-known/jwks.json`,
    introspection_endpoint: `${issuer}/introspect`,
    revocation_endpoint: `${issuer}/revoke`,
    grant_types_supported: ["client_credentials"],
    response_types_supported: [],
    token_endpoint_auth_methods_supported: methods,
    token_endpoint_auth_signing_alg_values_supported: algorithms,
    introspection_endpoint_auth_methods_supported: methods,
    introspection_endpoint_auth_signing_alg_values_supported: algorithms,
    revocation_endpoint_auth_methods_supported: methods,
    revocation_endpoint_auth_signing_alg_values_supported: algorithms,
    scopes_supported: app.services.catalog.permissions,
    service_documentation: `${issuer}/`,
  };
  return async (_req, res, ctx) => {
    // Issue 15: the password grant is listed only while some client may use it.
    const password = await app.services.userTokens.isPasswordGrantOffered(ctx);
    sendJson(res, 200, password ? { ...body, grant_types_supported: ["client_credentials", "password"] } : body, { "cache-control": "public, max-age=300" });
  };
}
