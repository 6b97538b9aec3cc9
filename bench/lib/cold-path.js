// The first /token of a secret: no digest of it is in the server's memory yet. Kept apart from
// the load tools, so `node bench/cold.js` runs without the harness's own dependencies.
import { randomBytes } from "node:crypto";
import { clavis } from "./processes.js";
import { tokenRequest } from "./token-request.js";

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * First use of each of `count` fresh clients made with the CLI. Generated secrets are stored as a
 * keyed digest (HMAC-SHA256); with `chosen`, each client gets an operator-chosen secret
 * (--secret-stdin), stored with argon2id, which this first use verifies. `warmP50` is the
 * second use of the same secrets, for comparison.
 */
export async function coldPath(server, env, organizationId, { count = 15, chosen = false } = {}) {
  const timings = [];
  const warm = [];
  for (let i = 0; i < count; i += 1) {
    const stdin = chosen ? `${randomBytes(30).toString("base64url")}\n` : "";
    const [client] = await clavis(["api-client", "create", "--org", organizationId, "--perm", "blogs.read", ...(chosen ? ["--secret-stdin"] : [])], env, stdin);
    const request = tokenRequest(client.clientId, client.clientSecret);
    const started = performance.now();
    const response = await fetch(`${server.url}/token`, { method: "POST", headers: request.headers, body: request.body });
    timings.push(performance.now() - started);
    if (response.status !== 200) throw new Error(`cold path: status ${response.status}`);
    const again = performance.now();
    const second = await fetch(`${server.url}/token`, { method: "POST", headers: request.headers, body: request.body });
    warm.push(performance.now() - again);
    if (second.status !== 200) throw new Error(`cold path, second use: status ${second.status}`);
  }
  const round = (value) => Math.round(value * 10) / 10;
  return { p50: round(median(timings)), warmP50: round(median(warm)), samples: count };
}
