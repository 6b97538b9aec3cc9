// The Galera rows of `npm run bench` (and `npm run bench -- galera`): 2 Clavis nodes on a 3-node
// Galera cluster against 1 Clavis node on one MariaDB server, in the same run, so the report can
// say what replication costs as a ratio. See docs/scaling.md.
import { createConnection } from "mysql2/promise";
import { createRate } from "./clavis-bench.js";
import { hasGalera, startGaleraCluster } from "./galera-cluster.js";
import { load, summary } from "./load.js";
import { startMariadb } from "./mariadb.js";
import { clavis, freePort, sleep, startClavis } from "./processes.js";
import { measureToken, tokenRequest } from "./token-bench.js";

const ISSUER = "https://clavis.bench.test";
const KEK = "bench-key-encryption-key-0123456789abcdefghijkl";
const METRICS_TOKEN = "bench-metrics-token-0123456789abcdef0123456789";
/** Live tokens introspected in turn: 5 clients × their limit of 1,000. */
const HOLDERS = 5;
const HELD_EACH = 1000;

const ratio = (a, b) => (b > 0 ? Math.round((a / b) * 100) / 100 : null);

async function sql(url, query, params = []) {
  const { hostname, port, pathname } = new URL(url);
  const connection = await createConnection({ host: hostname, port: Number(port), user: "root", database: pathname.slice(1) || undefined });
  try {
    const [rows] = await connection.query(query, params);
    return rows;
  } finally {
    await connection.end();
  }
}

/** Sums of Clavis's counters over the given nodes, read from /metrics. */
async function counters(nodes) {
  let issued = 0;
  let verifiedMiss = 0;
  let verifiedHit = 0;
  let retries = 0;
  for (const node of nodes) {
    const text = await (await fetch(`${node.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
    const sum = (prefix) =>
      text
        .split("\n")
        .filter((line) => line.startsWith(prefix))
        .reduce((total, line) => total + Number(line.slice(line.lastIndexOf(" ") + 1)), 0);
    issued += sum('clavis_token_requests_total{grant="client_credentials",outcome="issued"}');
    verifiedMiss += sum('clavis_cache_lookups_total{cache="verified_tokens",result="miss"}');
    verifiedHit += sum('clavis_cache_lookups_total{cache="verified_tokens",result="hit"}');
    retries += sum("clavis_transaction_retries_total");
  }
  return { issued, verifiedMiss, verifiedHit, retries };
}

const WSREP = ["wsrep_replicated", "wsrep_replicated_bytes", "wsrep_local_cert_failures", "wsrep_local_bf_aborts"];

/** Galera's own counters, summed over the cluster's nodes. */
async function wsrep(cluster) {
  const totals = Object.fromEntries(WSREP.map((name) => [name, 0]));
  for (const node of cluster.nodes) for (const name of WSREP) totals[name] += Number(await cluster.status(node.index, name));
  return totals;
}

/**
 * What `wsrep_sync_wait` adds to one statement: `n` pairs of `SELECT 1` and the causal barrier
 * Clavis sends (db/causal-read.ts), interleaved on one connection; mean ms of each.
 */
async function barrierCost(port, n = 300) {
  const connection = await createConnection({ host: "127.0.0.1", port, user: "root" });
  let plain = 0;
  let barrier = 0;
  try {
    for (let i = 0; i < n; i += 1) {
      const a = performance.now();
      await connection.query("SELECT 1");
      const b = performance.now();
      await connection.query("SET STATEMENT wsrep_sync_wait = 1 FOR SELECT 1");
      const c = performance.now();
      plain += b - a;
      barrier += c - b;
    }
  } finally {
    await connection.end();
  }
  return { plainMs: Number((plain / n).toFixed(3)), barrierMs: Number((barrier / n).toFixed(3)) };
}

/**
 * Clavis nodes, one per database URL, sharing issuer and key-encryption key as production
 * nodes must; one organization whose token client has a generated secret, as integrations
 * hold (a keyed digest: no argon2id on /token). With an operator-chosen secret each node's first
 * uses would be argon2id verifications drawing on the shared per-address hash budget, which a
 * c=64 burst on fresh nodes exhausts (429 for the rest of its minute): not what this measures.
 */
async function deploy(urls) {
  const cli = { DATABASE_URL: urls[0], CLAVIS_KEY_ENCRYPTION_KEY: KEK };
  await clavis(["migrate"], cli);
  const nodes = [];
  for (const url of urls) {
    nodes.push(await startClavis({ DATABASE_URL: url, CLAVIS_ISSUER: ISSUER, CLAVIS_KEY_ENCRYPTION_KEY: KEK, CLAVIS_METRICS_TOKEN: METRICS_TOKEN }, await freePort()));
  }
  const [organization] = await clavis(["org", "create", "--name", "Bench", "--max-clients", "10000"], cli);
  const [client] = await clavis(["api-client", "create", "--org", organization.id, "--perm", "blogs.read"], cli);
  // The automation's own client: the /token runs would push its bearer token over the token client's limit.
  const [admin] = await clavis(["api-client", "create", "--org", organization.id, "--perm", "api-clients.read", "--perm", "api-clients.write"], cli);
  const request = tokenRequest(admin.clientId, admin.clientSecret);
  const bearer = (await (await fetch(`${nodes[0].url}/token`, { method: "POST", headers: request.headers, body: "grant_type=client_credentials" })).json()).access_token;
  return { nodes, cli, organization, client, bearer, stop: () => Promise.all(nodes.map((node) => node.stop())) };
}

/** Clients created per second through `nodes` (c=4 in all), counted in the database afterwards. */
async function createRow(deployment, nodes, seconds, databaseUrl) {
  const before = (await sql(databaseUrl, "SELECT COUNT(*) AS n FROM api_clients WHERE organization_id = ?", [deployment.organization.id]))[0].n;
  const result = await createRate({ url: nodes.map((node) => node.url) }, deployment.organization.id, deployment.bearer, seconds);
  await sleep(500);
  const after = (await sql(databaseUrl, "SELECT COUNT(*) AS n FROM api_clients WHERE organization_id = ?", [deployment.organization.id]))[0].n;
  return { ...result, created: Number(after) - Number(before), createdPerSecond: Math.round((Number(after) - Number(before)) / seconds) };
}

/**
 * /introspect of live tokens issued through the first node, asked of the last one, each token in
 * turn (5,000 of them), so most lookups miss the 500 ms verified-token cache and read the row,
 * after the causal barrier on Galera. Every answer must be 200 with `"active":true`.
 */
async function introspectRow(deployment, seconds) {
  // A client introspects its own organization's tokens only.
  const [held] = await clavis(["org", "create", "--name", "Held", "--max-clients", String(HOLDERS + 1), "--max-tokens", String(HELD_EACH)], deployment.cli);
  const [inspector] = await clavis(["api-client", "create", "--org", held.id, "--perm", "tokens.introspect"], deployment.cli);
  const tokens = [];
  for (let h = 0; h < HOLDERS; h += 1) {
    const [holder] = await clavis(["api-client", "create", "--org", held.id, "--perm", "blogs.read"], deployment.cli);
    const request = tokenRequest(holder.clientId, holder.clientSecret);
    for (let issued = 0; issued < HELD_EACH; issued += 50) {
      const answers = await Promise.all(Array.from({ length: 50 }, () => fetch(`${deployment.nodes[0].url}/token`, { method: "POST", headers: request.headers, body: request.body }).then((answer) => answer.json())));
      tokens.push(...answers.map((answer) => answer.access_token));
    }
  }
  const reader = deployment.nodes.at(-1);
  const introspector = tokenRequest(inspector.clientId, inspector.clientSecret);
  let next = 0;
  const run = (duration, bodies) => {
    const request = { method: "POST", path: "/introspect", headers: introspector.headers, setupRequest: (request) => ({ ...request, body: `token=${tokens[next++ % tokens.length]}` }) };
    if (bodies) request.onResponse = (status, body) => bodies.push(status === 200 ? body : "");
    return new Promise((resolve, reject) =>
      import("autocannon").then(({ default: autocannon }) => autocannon({ url: reader.url, connections: 16, duration, requests: [request] }, (error, out) => (error ? reject(error) : resolve(out)))),
    );
  };
  await run(2);
  await sleep(300);
  const before = await counters([reader]);
  const bodies = [];
  const result = summary(await run(seconds, bodies));
  const after = await counters([reader]);
  const misses = after.verifiedMiss - before.verifiedMiss;
  const lookups = misses + after.verifiedHit - before.verifiedHit;
  const inactive = bodies.filter((body) => !body.includes('"active":true')).length;
  return { ...result, answers: bodies.length, inactive, missRatio: lookups > 0 ? Number((misses / lookups).toFixed(2)) : null };
}

/**
 * The Galera rows, or null (with a line saying why) when galera-4 is not installed. `count`
 * receives every measureToken result, so the report's count of verified tokens includes these.
 */
export async function galeraRows({ seconds, count = (result) => result, log }) {
  if (!hasGalera()) {
    log("no Galera here (mariadbd, /usr/lib/galera/libgalera_smm.so from galera-4, rsync and a mysql user are needed): the Galera rows are left out");
    return null;
  }
  log("Galera: a 3-node cluster and one MariaDB server on loopback");
  const single = await startMariadb();
  let cluster = null;
  const deployments = [];
  try {
    cluster = await startGaleraCluster();
    await sql(cluster.nodes[0].url(""), "CREATE DATABASE clavis CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    // Single: one node measured; a second process on the same server introspects, as on the cluster.
    const one = await deploy([single.url, single.url]);
    deployments.push(one);
    // Cluster: each Clavis node prefers its own Galera node and fails over to the others.
    const hosts = (order) => `mysql://root@${order.map((index) => `127.0.0.1:${cluster.nodes[index].port}`).join(",")}/clavis`;
    const two = await deploy([hosts([0, 1, 2]), hosts([1, 2, 0])]);
    deployments.push(two);

    log("Galera: /token at c=64, 1 node on one server, then 2 nodes on the cluster (the load split over both)");
    const singleToken = count(await measureToken({ url: one.nodes[0].url, issuer: ISSUER }, tokenRequest(one.client.clientId, one.client.clientSecret), 64, seconds, "/.well-known/jwks.json"));
    const wsrepBefore = await wsrep(cluster);
    const countersBefore = await counters(two.nodes);
    // The barrier's cost under this write load, measured on the second node's Galera node meanwhile.
    const [clusterToken, barrierLoaded] = await Promise.all([
      measureToken({ url: two.nodes.map((node) => node.url), issuer: ISSUER }, tokenRequest(two.client.clientId, two.client.clientSecret), 64, seconds, "/.well-known/jwks.json").then(count),
      sleep(3000).then(() => barrierCost(cluster.nodes[1].port)),
    ]);
    const wsrepAfter = await wsrep(cluster);
    const countersAfter = await counters(two.nodes);
    const issued = countersAfter.issued - countersBefore.issued;
    const delta = (name) => wsrepAfter[name] - wsrepBefore[name];

    log("Galera: createApiClient at c=4, then /introspect of 5,000 live tokens at c=16, on each");
    const singleCreate = await createRow(one, [one.nodes[0]], seconds, single.url);
    const clusterCreate = await createRow(two, two.nodes, seconds, cluster.nodes[0].url("clavis"));
    const singleIntrospect = await introspectRow(one, seconds);
    const clusterIntrospect = await introspectRow(two, seconds);
    const barrierIdle = await barrierCost(cluster.nodes[1].port);

    const details = {
      token: { single: singleToken, cluster: clusterToken },
      create: { single: singleCreate, cluster: clusterCreate },
      introspect: { single: singleIntrospect, cluster: clusterIntrospect },
      replication: {
        tokensIssued: issued,
        writeSets: delta("wsrep_replicated"),
        bytes: delta("wsrep_replicated_bytes"),
        tokensPerWriteSet: issued > 0 ? Number((issued / Math.max(1, delta("wsrep_replicated"))).toFixed(1)) : null,
        bytesPerToken: issued > 0 ? Math.round(delta("wsrep_replicated_bytes") / issued) : null,
        certificationFailures: delta("wsrep_local_cert_failures"),
        bruteForceAborts: delta("wsrep_local_bf_aborts"),
        clavisRetries: countersAfter.retries - countersBefore.retries,
      },
      barrier: { idle: barrierIdle, underTokenLoad: barrierLoaded },
    };
    const metrics = [
      { key: "galera_token_rps", label: "/token req/s, c=64: 2 nodes on 3-node Galera (Clavis) vs 1 node on one MariaDB (peer)", clavis: clusterToken.requestsPerSecond, peer: singleToken.requestsPerSecond, ratio: ratio(clusterToken.requestsPerSecond, singleToken.requestsPerSecond), target: "—", pass: null },
      { key: "galera_token_p99", label: "/token p99 ms, c=64, the same", clavis: clusterToken.latencyP99, peer: singleToken.latencyP99, ratio: ratio(clusterToken.latencyP99, singleToken.latencyP99), target: "—", pass: null },
      { key: "galera_create_rps", label: "createApiClient clients created/s, c=4, the same", clavis: clusterCreate.createdPerSecond, peer: singleCreate.createdPerSecond, ratio: ratio(clusterCreate.createdPerSecond, singleCreate.createdPerSecond), target: "every answer 200", pass: clusterCreate.non2xx === 0 && singleCreate.non2xx === 0 },
      { key: "galera_introspect_rps", label: "/introspect req/s of 5,000 live tokens issued through another node, c=16, the same", clavis: clusterIntrospect.requestsPerSecond, peer: singleIntrospect.requestsPerSecond, ratio: ratio(clusterIntrospect.requestsPerSecond, singleIntrospect.requestsPerSecond), target: "every answer active", pass: [clusterIntrospect, singleIntrospect].every((result) => result.non2xx === 0 && result.inactive === 0) },
      { key: "galera_bytes_per_token", label: `Galera bytes replicated per token (${details.replication.tokensPerWriteSet} tokens per write-set)`, clavis: details.replication.bytesPerToken, peer: null, ratio: null, target: "—", pass: null },
      { key: "galera_sync_wait_ms", label: "wsrep_sync_wait barrier, mean ms per statement under the /token load (Clavis) vs SELECT 1 (peer)", clavis: barrierLoaded.barrierMs, peer: barrierLoaded.plainMs, ratio: ratio(barrierLoaded.barrierMs, barrierLoaded.plainMs), target: "—", pass: null },
    ];
    // Tokens that failed to verify, answers that were not 200, introspections not active.
    const bad = [clusterToken, singleToken].reduce((sum, result) => sum + result.bad, 0) + [clusterCreate, singleCreate, clusterIntrospect, singleIntrospect].reduce((sum, result) => sum + (result.inactive ?? 0) + result.non2xx, 0);
    return { metrics, details, bad };
  } finally {
    for (const deployment of deployments) await deployment.stop();
    await cluster?.stop();
    await single.stop();
  }
}
