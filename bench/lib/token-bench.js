import { createLocalJWKSet, jwtVerify } from "jose";
import { load, summary } from "./load.js";
import { sleep } from "./processes.js";

export const RESOURCE = "https://api.example.com";

const basic = (id, secret) => `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString("base64")}`;

/** The same request for both servers: Basic auth, client credentials, one resource. */
export function tokenRequest(clientId, secret) {
  return {
    path: "/token",
    headers: { authorization: basic(clientId, secret), "content-type": "application/x-www-form-urlencoded" },
    body: `grant_type=client_credentials&resource=${encodeURIComponent(RESOURCE)}`,
  };
}

/** Every response must be 200 with a token that verifies against the server's published keys. */
async function verifyAll(bodies, jwksUrl, issuer) {
  const keys = createLocalJWKSet(await (await fetch(jwksUrl)).json());
  let bad = 0;
  for (const { status, body } of bodies) {
    try {
      if (status !== 200) throw new Error(`status ${status}`);
      await jwtVerify(JSON.parse(body).access_token, keys, { issuer, audience: RESOURCE, algorithms: ["EdDSA"] });
    } catch {
      bad += 1;
    }
  }
  return { checked: bodies.length, bad };
}

/** Warm-up, then a measured run whose every token is checked afterwards. */
export async function measureToken(server, request, connections, seconds, jwksPath) {
  await load({ url: server.url, ...request, connections, seconds: 2 });
  await sleep(300);
  const bodies = [];
  const result = summary(await load({ url: server.url, ...request, connections, seconds, bodies }));
  const verified = await verifyAll(bodies, `${server.url}${jwksPath}`, server.issuer);
  return { ...result, ...verified };
}
