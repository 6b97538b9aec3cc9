import { createLocalJWKSet, jwtVerify } from "jose";
import { load, summary } from "./load.js";
import { sleep } from "./processes.js";
import { RESOURCE } from "./token-request.js";

export { RESOURCE, tokenRequest } from "./token-request.js";

/** Every response must be 200 with a token that verifies against the server's published keys. */
async function verifyAll(bodies, jwksUrl, issuer) {
  const keys = createLocalJWKSet(await (await fetch(jwksUrl)).json());
  let bad = 0;
  const failures = {};
  for (const { status, body } of bodies) {
    try {
      if (status !== 200) throw new Error(`status ${status}`);
      await jwtVerify(JSON.parse(body).access_token, keys, { issuer, audience: RESOURCE, algorithms: ["EdDSA"] });
    } catch (error) {
      bad += 1;
      // What went wrong, by status and answer (error bodies carry no token or secret).
      const reason = status === 200 ? `200: ${error.message}` : `${status}: ${String(body).slice(0, 200)}`;
      failures[reason] = (failures[reason] ?? 0) + 1;
    }
  }
  if (bad > 0) process.stderr.write(`[bench] ${bad} of ${bodies.length} token answers were bad: ${JSON.stringify(failures)}\n`);
  return { checked: bodies.length, bad, failures };
}

/** Warm-up, then a measured run whose every token is checked afterwards. */
export async function measureToken(server, request, connections, seconds, jwksPath) {
  await load({ url: server.url, ...request, connections, seconds: 2 });
  await sleep(300);
  const bodies = [];
  const result = summary(await load({ url: server.url, ...request, connections, seconds, bodies }));
  // With several nodes (a list of URLs, the connections spread over them) the first one's keys: they share them.
  const verified = await verifyAll(bodies, `${[server.url].flat()[0]}${jwksPath}`, server.issuer);
  return { ...result, ...verified };
}
