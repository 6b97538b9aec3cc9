import { generateKeyPairSync, randomUUID, type KeyObject } from "node:crypto";
import { SignJWT } from "jose";
import { CREATE } from "./api-client-queries.js";
import type { GraphQLSession } from "./graphql-session.js";
import { postForm } from "./oauth-http.js";
import type { TestApp } from "./test-app.js";

export const JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

export interface TestKey {
  kid: string;
  alg: "EdDSA" | "ES256" | "RS256" | "PS256";
  privateKey: KeyObject;
  publicKey: KeyObject;
  publicJwk: Record<string, unknown>;
}

export function testKey(kind: "ed25519" | "p256" | "rsa", kid: string = `${kind}-${randomUUID().slice(0, 8)}`): TestKey {
  const pair = kind === "ed25519" ? generateKeyPairSync("ed25519") : kind === "p256" ? generateKeyPairSync("ec", { namedCurve: "P-256" }) : generateKeyPairSync("rsa", { modulusLength: 2048 });
  const alg = kind === "ed25519" ? "EdDSA" : kind === "p256" ? "ES256" : "RS256";
  return { kid, alg, ...pair, publicJwk: { ...(pair.publicKey.export({ format: "jwk" }) as Record<string, unknown>), kid } };
}

export interface AssertionOptions {
  key: TestKey;
  alg?: string;
  kid?: string | null;
  iss?: string;
  sub?: string;
  aud?: string | string[];
  jti?: string | null;
  /** Seconds from now; null leaves exp out. */
  expiresIn?: number | null;
  iat?: number;
  nbf?: number;
}

/** A client assertion as RFC 7523 §3 has it: iss = sub = client id, aud, a short exp, a fresh jti. */
export async function signAssertion(clientId: string, audience: string, options: AssertionOptions): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const payload: Record<string, unknown> = { iss: options.iss ?? clientId, sub: options.sub ?? clientId, aud: options.aud ?? audience };
  if (options.jti !== null) payload.jti = options.jti ?? randomUUID();
  if (options.expiresIn !== null) payload.exp = now + (options.expiresIn ?? 60);
  payload.iat = options.iat ?? now;
  if (options.nbf !== undefined) payload.nbf = options.nbf;
  const kid = options.kid === undefined ? options.key.kid : options.kid;
  return new SignJWT(payload).setProtectedHeader({ alg: options.alg ?? options.key.alg, ...(kid === null ? {} : { kid }) }).sign(options.key.privateKey);
}

/** POST /token with a client assertion (and optionally more form parameters). */
export async function tokenByAssertion(app: TestApp, assertion: string, params: Record<string, string> = {}, headers: Record<string, string> = {}) {
  return postForm(app.url, "/token", { grant_type: "client_credentials", client_assertion_type: JWT_BEARER, client_assertion: assertion, ...params }, headers);
}

export async function createKeyClient(session: GraphQLSession, organizationId: string, keys: (TestKey | { jwk?: unknown; pem?: string; expiresAt?: string })[], overrides: Record<string, unknown> = {}) {
  const publicKeys = keys.map((key) => ("publicJwk" in key ? { jwk: key.publicJwk } : key));
  const { createApiClient } = await session.ok(CREATE.replace("clientSecret", "clientSecret apiClient { authMethod publicKeys { id kid keyType algorithm thumbprint expiresAt expired } }"), {
    input: { organizationId, name: "Keyed service", environment: "LIVE", role: "reader", authMethod: "PRIVATE_KEY_JWT", publicKeys, ...overrides },
  });
  return { id: createApiClient.apiClient.id as string, clientId: createApiClient.apiClient.clientId as string, clientSecret: createApiClient.clientSecret as string | null, apiClient: createApiClient.apiClient };
}

export const INVALID_CLIENT = { status: 401, body: { error: "invalid_client", error_description: "Client authentication failed" } };
