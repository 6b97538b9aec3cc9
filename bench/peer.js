// The peer: oidc-provider with only the client credentials grant, client_secret_basic, and
// EdDSA-signed JWT access tokens for one resource server (resource indicators).
// Usage: node peer.js <port> <client_id> <client_secret>; prints "ready" when listening.
// With PEER_PKJWT_JWK (a public JWK), a second client "<client_id>-pkjwt" authenticates with
// private_key_jwt and that key (issue 17's bench row).
import { generateKeyPairSync } from "node:crypto";
import { createServer } from "node:http";
import Provider from "oidc-provider";

const [port, clientId, clientSecret] = process.argv.slice(2);
const issuer = `http://127.0.0.1:${port}`;
const resource = "https://api.example.com";
const { privateKey } = generateKeyPairSync("ed25519");
const signingKey = { ...privateKey.export({ format: "jwk" }), kid: "peer-1", alg: "EdDSA", use: "sig" };

const pkjwtKey = process.env.PEER_PKJWT_JWK ? JSON.parse(process.env.PEER_PKJWT_JWK) : null;
const pkjwtClient = pkjwtKey === null ? [] : [{ client_id: `${clientId}-pkjwt`, grant_types: ["client_credentials"], redirect_uris: [], response_types: [], token_endpoint_auth_method: "private_key_jwt", token_endpoint_auth_signing_alg: "EdDSA", jwks: { keys: [pkjwtKey] }, id_token_signed_response_alg: "EdDSA" }];

const provider = new Provider(issuer, {
  clients: [{ client_id: clientId, client_secret: clientSecret, grant_types: ["client_credentials"], redirect_uris: [], response_types: [], token_endpoint_auth_method: "client_secret_basic", id_token_signed_response_alg: "EdDSA" }, ...pkjwtClient],
  jwks: { keys: [signingKey] },
  enabledJWA: { clientAuthSigningAlgValues: pkjwtKey === null ? [] : ["EdDSA"], idTokenSigningAlgValues: ["EdDSA"] },
  features: {
    devInteractions: { enabled: false },
    clientCredentials: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => resource,
      useGrantedResource: () => true,
      getResourceServerInfo: () => ({ scope: "blogs.read", audience: resource, accessTokenTTL: 3600, accessTokenFormat: "jwt", jwt: { sign: { alg: "EdDSA" } } }),
    },
  },
  scopes: ["blogs.read"],
});
provider.on("server_error", (_ctx, error) => console.error("peer server_error", error));

createServer(provider.callback()).listen(Number(port), "127.0.0.1", () => console.log("ready"));
