import { generateKeyPairSync, randomUUID, sign } from "node:crypto";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { createLocalJWKSet, jwtVerify } from "jose";
import { load, summary } from "./load.js";
import { clavis, sleep } from "./processes.js";
import { RESOURCE } from "./token-request.js";

// Enough assertions for the fastest rate seen here (about 12,000 req/s on two cores) for every
// second of load; one left over is never sent twice.
const PER_SECOND = Number(process.env.BENCH_PKJWT_PER_SECOND ?? 12_000);
const b64 = (value) => Buffer.from(JSON.stringify(value)).toString("base64url");

/**
 * Request bodies with fresh client assertions (RFC 7523), each with its own jti, signed EdDSA
 * before the timed part: signing is the load generator's work, and with it in the loop the
 * generator, not the server, would be measured. Signed with node:crypto directly (no jose),
 * about 30 µs each.
 */
export function assertionPool(count, clientId, audience, privateKey, kid) {
  const header = b64({ alg: "EdDSA", kid });
  const now = Math.floor(Date.now() / 1000);
  const bodies = new Array(count);
  for (let i = 0; i < count; i += 1) {
    const payload = b64({ iss: clientId, sub: clientId, aud: audience, jti: randomUUID(), iat: now, exp: now + 290 });
    const signature = sign(null, Buffer.from(`${header}.${payload}`), privateKey).toString("base64url");
    bodies[i] = `grant_type=client_credentials&resource=${encodeURIComponent(RESOURCE)}&client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer&client_assertion=${header}.${payload}.${signature}`;
  }
  return bodies;
}

function pooledRequest(bodies) {
  let next = 0;
  return {
    path: "/token",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: bodies[0],
    setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length] }),
  };
}

/** Warm-up with one pool, then a measured run with another; every token is checked afterwards. */
export async function measurePrivateKeyJwt(server, clientId, privateKey, kid, connections, seconds, jwksPath, audience = server.issuer) {
  const warm = assertionPool(PER_SECOND * 2, clientId, audience, privateKey, kid);
  await loadPooled(server, warm, connections, 2);
  const pool = assertionPool(PER_SECOND * seconds, clientId, audience, privateKey, kid);
  await sleep(300);
  const bodies = [];
  const result = summary(await loadPooled(server, pool, connections, seconds, bodies));
  const keys = createLocalJWKSet(await (await fetch(`${server.url}${jwksPath}`)).json());
  let bad = 0;
  for (const { status, body } of bodies) {
    try {
      if (status !== 200) throw new Error(`status ${status}`);
      await jwtVerify(JSON.parse(body).access_token, keys, { issuer: server.issuer, audience: RESOURCE, algorithms: ["EdDSA"] });
    } catch {
      bad += 1;
    }
  }
  return { ...result, checked: bodies.length, bad, poolExhausted: result.total > pool.length };
}

function loadPooled(server, bodies, connections, seconds, kept = null) {
  const request = pooledRequest(bodies);
  return load({ url: server.url, ...request, connections, seconds, bodies: kept });
}

/** An Ed25519 key pair; the public half as a JWK with kid bench-1, for Clavis and the peer alike. */
export function benchKey() {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  return { privateKey, kid: "bench-1", publicJwk: { ...publicKey.export({ format: "jwk" }), kid: "bench-1", alg: "EdDSA", use: "sig" } };
}

/** A private_key_jwt client with blogs.read, made with the CLI from the key's public JWK. */
export async function createKeyClient(env, organizationId, key, dir) {
  const file = join(dir, "bench-key.jwk.json");
  writeFileSync(file, JSON.stringify(key.publicJwk));
  const [client] = await clavis(["api-client", "create", "--org", organizationId, "--perm", "blogs.read", "--auth", "private_key_jwt", "--public-key", file], env);
  return client;
}
