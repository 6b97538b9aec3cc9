// Measurements of Clavis alone (no peer has the same feature).
import { spawn } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { load, summary } from "./load.js";
import { clavis, freePort, ROOT, sleep, stopChild } from "./processes.js";
import { tokenRequest } from "./token-request.js";

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))];

/** /healthz latency, sampled every 20 ms, while wrong secrets arrive at a fixed rate. */
export async function healthUnderFlood(server, clientId, seconds = 6, rate = 200) {
  const flood = new Promise((resolve, reject) => {
    import("autocannon").then(({ default: autocannon }) => {
      const request = tokenRequest(clientId, "clv_live_wrong-secret");
      autocannon({ url: server.url, connections: 16, overallRate: rate, duration: seconds, requests: [{ method: "POST", ...request }] }, (error, result) => (error ? reject(error) : resolve(result)));
    });
  });
  const latencies = [];
  const until = Date.now() + (seconds - 0.5) * 1000;
  await sleep(300);
  while (Date.now() < until) {
    const started = performance.now();
    const response = await fetch(`${server.url}/healthz`);
    await response.arrayBuffer();
    latencies.push(performance.now() - started);
    await sleep(20);
  }
  const result = await flood;
  return { p99: Math.round(percentile(latencies, 0.99) * 10) / 10, samples: latencies.length, refused: result.non2xx, wrongSecretRate: Math.round(result.requests.average) };
}

/** Adds `organizations` × `clientsEach` clients straight into SQLite, as a large deployment's data. */
export function seedSqlite(path, organizations, clientsEach) {
  const Database = createRequire(join(ROOT, "package.json"))("better-sqlite3");
  const db = new Database(path);
  const now = new Date().toISOString().replace("T", " ").replace("Z", "");
  const org = db.prepare("INSERT INTO organizations (id, name, slug, max_api_clients, max_tokens_per_client, access_token_ttl_seconds, api_clients_enabled, api_client_count, created_at, updated_at) VALUES (?, ?, ?, 10, 10, 3600, 1, ?, ?, ?)");
  const client = db.prepare(
    "INSERT INTO api_clients (id, organization_id, client_id, local_id, name, description, environment, permissions, scopes, expires_at, allowed_ips, redirect_uris, secret_version, created_at, created_by_type, created_by_id, created_by_label, updated_at) VALUES (?, ?, ?, NULL, ?, '', 'LIVE', '[\"blogs.read\"]', NULL, NULL, '[]', '[]', 1, ?, 'CLI', NULL, 'cli', ?)",
  );
  const secret = db.prepare("INSERT INTO api_client_secrets (id, api_client_id, version, hash, hint, created_at, expires_at) VALUES (?, ?, 1, '$argon2id$seeded', 'xxxx', ?, NULL)");
  const uuid = () => crypto.randomUUID();
  db.transaction(() => {
    for (let o = 0; o < organizations; o += 1) {
      const orgId = uuid();
      org.run(orgId, `Seeded ${o}`, `seeded-${o}`, clientsEach, now, now);
      for (let c = 0; c < clientsEach; c += 1) {
        const id = uuid();
        client.run(id, orgId, `seeded${o}x${c}`, `Client ${c}`, now, now);
        secret.run(uuid(), id, now);
      }
    }
  })();
  db.close();
}

/**
 * GraphQL apiClients(first: 50) with a bearer token, as automation calls it. An unchanged list
 * is served from memory after checking the organization's clients etag; `uncached` adds an
 * expiry filter, which compares with the clock and so is read from the database every time.
 */
export async function graphqlList(server, organizationId, token, connections, seconds, { uncached = false, expectClients = 10 } = {}) {
  const filter = uncached ? ", filter: { expired: false }" : "";
  const body = JSON.stringify({ query: `query($org: ID!) { apiClients(organizationId: $org, first: 50${filter}) { totalCount edges { node { id clientId name permissions roleLabel expired lastUsedAt } } } }`, variables: { org: organizationId } });
  const headers = { authorization: `Bearer ${token}`, "x-tenant-id": organizationId, "content-type": "application/json" };
  const answer = await (await fetch(`${server.url}/graphql`, { method: "POST", headers, body })).json();
  if (answer.errors !== undefined || answer.data.apiClients.edges.length !== expectClients) throw new Error(`GraphQL list: unexpected answer ${JSON.stringify(answer).slice(0, 300)}`);
  await load({ url: server.url, path: "/graphql", headers, body, connections, seconds: 2 });
  return summary(await load({ url: server.url, path: "/graphql", headers, body, connections, seconds }));
}

/** createApiClient over GraphQL at a small concurrency: argon2id hashing sets the pace. */
export async function createRate(server, organizationId, token, seconds) {
  let n = 0;
  const headers = { authorization: `Bearer ${token}`, "x-tenant-id": organizationId, "content-type": "application/json" };
  const requests = [
    {
      method: "POST",
      path: "/graphql",
      headers,
      setupRequest: (request) => ({ ...request, body: JSON.stringify({ query: `mutation($input: CreateApiClientInput!) { createApiClient(input: $input) { clientSecret } }`, variables: { input: { organizationId, name: `Bench ${(n += 1)}`, environment: "LIVE" } } }) }),
    },
  ];
  const { default: autocannon } = await import("autocannon");
  const result = await new Promise((resolve, reject) => autocannon({ url: server.url, connections: 4, duration: seconds, requests }, (error, out) => (error ? reject(error) : resolve(out))));
  return summary(result);
}

/** How long until a reset made through process A is refused by process B, each of `samples` times. */
export async function revocationDelay(a, b, env, organizationId, inspector, samples = 10) {
  const delays = [];
  for (let i = 0; i < samples; i += 1) {
    const [client] = await clavis(["api-client", "create", "--org", organizationId, "--perm", "blogs.read"], env);
    const request = tokenRequest(client.clientId, client.clientSecret);
    const issued = await (await fetch(`${b.url}/token`, { method: "POST", headers: request.headers, body: request.body })).json();
    await clavis(["api-client", "reset-secret", "--id", client.clientId], env);
    const started = performance.now();
    for (;;) {
      const introspection = tokenRequest(inspector.clientId, inspector.clientSecret);
      const answer = await (await fetch(`${b.url}/introspect`, { method: "POST", headers: introspection.headers, body: `token=${issued.access_token}` })).json();
      if (answer.active === false) break;
      if (performance.now() - started > 5000) break;
      await sleep(10);
    }
    delays.push(performance.now() - started);
  }
  return { max: Math.round(Math.max(...delays)), median: Math.round(median(delays)), samples };
}

/** `npm start` on a built tree, on a fresh database, until /readyz answers 200. */
export async function startupTime(databaseUrl) {
  const port = await freePort();
  const started = performance.now();
  const child = spawn("npm", ["start"], { cwd: ROOT, env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "warn" }, stdio: "ignore", detached: true });
  for (;;) {
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`).then((response) => response.status === 200, () => false);
    if (ready) break;
    if (performance.now() - started > 30_000) throw new Error("npm start did not become ready");
    await sleep(10);
  }
  const elapsed = performance.now() - started;
  process.kill(-child.pid, "SIGTERM");
  await stopChild(child);
  return { ms: Math.round(elapsed) };
}

/** Gzipped size of the JavaScript that index.html loads. */
export function firstLoadJs() {
  const dist = join(ROOT, "web/dist");
  const html = readFileSync(join(dist, "index.html"), "utf8");
  const scripts = [...html.matchAll(/<script[^>]+src="\/?([^"]+\.js)"/g), ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\/?([^"]+\.js)"/g)].map((match) => match[1]);
  const gzip = scripts.reduce((sum, file) => sum + gzipSync(readFileSync(join(dist, file))).length, 0);
  const raw = scripts.reduce((sum, file) => sum + statSync(join(dist, file)).size, 0);
  return { gzipKb: Math.round(gzip / 102.4) / 10, rawKb: Math.round(raw / 102.4) / 10, files: scripts.length };
}
