// npm run bench: Clavis against oidc-provider on this machine, in one run. See docs/performance.md.
import { execSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { createRate, firstLoadJs, graphqlList, healthUnderFlood, revocationDelay, seedSqlite, startupTime } from "./lib/clavis-bench.js";
import { coldPath } from "./lib/cold-path.js";
import { hasMariadb, startMariadb } from "./lib/mariadb.js";
import { clavis, clavisWith, freePort, startClavis, startPeer } from "./lib/processes.js";
import { writeReport } from "./lib/report.js";
import { benchKey, createKeyClient, measurePrivateKeyJwt } from "./lib/private-key-jwt-bench.js";
import { measureToken, tokenRequest } from "./lib/token-bench.js";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const SECRET = "bench-Secret-0123456789-abcdefghijklmnopq";
const PEER_ID = "bench-client";
const log = (text) => process.stderr.write(`[bench] ${text}\n`);

const ratio = (a, b) => (b > 0 ? Math.round((a / b) * 100) / 100 : null);

async function main() {
  const started = Date.now();
  const metrics = [];
  const throughput = [];
  let verified = 0;
  let bad = 0;
  const count = (result) => ((verified += result.checked), (bad += result.bad), result);
  const dir = mkdtempSync(join(tmpdir(), "clavis-bench-"));
  const key = benchKey();
  const peer = await startPeer(await freePort(), PEER_ID, SECRET, { pkjwtJwk: key.publicJwk });
  peer.issuer = peer.url;
  const peerRun = (c) => measureToken(peer, tokenRequest(PEER_ID, SECRET), c, SECONDS, "/jwks").then(count);
  try {
    log("SQLite: /token against the peer at c=1, 16, 64");
    const sqlite = await clavisWith(`sqlite:${join(dir, "one.sqlite")}`, SECRET);
    const ours = {};
    for (const c of [1, 16, 64]) {
      ours[c] = count(await measureToken(sqlite.server, tokenRequest(sqlite.client.clientId, SECRET), c, SECONDS, "/.well-known/jwks.json"));
      const theirs = await peerRun(c);
      throughput.push({ label: `SQLite c=${c}`, clavis: ours[c].requestsPerSecond, peer: theirs.requestsPerSecond });
      const target = c === 64 ? "≥ 2.0 × peer" : "—";
      metrics.push({ key: `token_rps_c${c}`, label: `/token req/s, c=${c}, SQLite`, clavis: ours[c].requestsPerSecond, peer: theirs.requestsPerSecond, ratio: ratio(ours[c].requestsPerSecond, theirs.requestsPerSecond), target, pass: c === 64 ? ours[c].requestsPerSecond >= 2 * theirs.requestsPerSecond : null });
      if (c === 64) metrics.push({ key: "token_p99_c64", label: "/token p99 ms, c=64, SQLite", clavis: ours[c].latencyP99, peer: theirs.latencyP99, ratio: ratio(ours[c].latencyP99, theirs.latencyP99), target: "≤ peer", pass: ours[c].latencyP99 <= theirs.latencyP99 });
    }

    // Issue 17: a fresh EdDSA client assertion (new jti) per request, from pools signed before
    // the timed part, so the load generator does not sign in the loop; the peer's client is the
    // same key with token_endpoint_auth_method private_key_jwt.
    log("SQLite: /token with private_key_jwt against the peer at c=64");
    const keyClient = await createKeyClient(sqlite.env, sqlite.organization.id, key, dir);
    const keyed = count(await measurePrivateKeyJwt(sqlite.server, keyClient.clientId, key.privateKey, key.kid, 64, SECONDS, "/.well-known/jwks.json"));
    const peerKeyed = count(await measurePrivateKeyJwt(peer, `${PEER_ID}-pkjwt`, key.privateKey, key.kid, 64, SECONDS, "/jwks", `${peer.url}/token`));
    throughput.push({ label: "SQLite c=64, private_key_jwt", clavis: keyed.requestsPerSecond, peer: peerKeyed.requestsPerSecond });
    metrics.push({ key: "token_pkjwt_rps_c64", label: "/token req/s, c=64, SQLite, private_key_jwt (fresh EdDSA assertion per request)", clavis: keyed.requestsPerSecond, peer: peerKeyed.requestsPerSecond, ratio: ratio(keyed.requestsPerSecond, peerKeyed.requestsPerSecond), target: "—", pass: keyed.poolExhausted ? false : null });

    log("cold path, /healthz under a wrong-secret flood, GraphQL, createApiClient");
    const cold = await coldPath(sqlite.server, sqlite.env, sqlite.organization.id);
    metrics.push({ key: "cold_p50", label: "/token first use of a generated secret (keyed digest) p50 ms", clavis: cold.p50, peer: null, ratio: null, target: "≤ 60 ms", pass: cold.p50 <= 60 });
    const coldChosen = await coldPath(sqlite.server, sqlite.env, sqlite.organization.id, { chosen: true });
    metrics.push({ key: "cold_chosen_p50", label: "/token first use of an operator-chosen secret (argon2id) p50 ms", clavis: coldChosen.p50, peer: null, ratio: null, target: "≤ 60 ms", pass: coldChosen.p50 <= 60 });
    const flood = await healthUnderFlood(sqlite.server, sqlite.client.clientId);
    metrics.push({ key: "healthz_p99_flood", label: `/healthz p99 ms, ${flood.wrongSecretRate} wrong secrets/s refused`, clavis: flood.p99, peer: null, ratio: null, target: "≤ 20 ms", pass: flood.p99 <= 20 });
    const reader = await clavis(["api-client", "create", "--org", sqlite.organization.id, "--perm", "api-clients.read", "--perm", "api-clients.write"], sqlite.env);
    const readerToken = await (await fetch(`${sqlite.server.url}/token`, { method: "POST", headers: tokenRequest(reader[0].clientId, reader[0].clientSecret).headers, body: "grant_type=client_credentials" })).json();
    const listOrg = await clavis(["org", "create", "--name", "Listed"], sqlite.env);
    const listClients = [];
    for (let i = 0; i < 10; i += 1) listClients.push((await clavis(["api-client", "create", "--org", listOrg[0].id, "--perm", "api-clients.read"], sqlite.env))[0]);
    const listerToken = await (await fetch(`${sqlite.server.url}/token`, { method: "POST", headers: tokenRequest(listClients[0].clientId, listClients[0].clientSecret).headers, body: "grant_type=client_credentials" })).json();
    const gql = await graphqlList(sqlite.server, listOrg[0].id, listerToken.access_token, 16, SECONDS);
    metrics.push({ key: "graphql_list_rps", label: "GraphQL apiClients(first: 50) req/s, c=16, SQLite", clavis: gql.requestsPerSecond, peer: null, ratio: null, target: "≥ 3,000", pass: gql.requestsPerSecond >= 3000 && gql.non2xx === 0 });
    const gqlUncached = await graphqlList(sqlite.server, listOrg[0].id, listerToken.access_token, 16, SECONDS, { uncached: true });
    metrics.push({ key: "graphql_list_uncached_rps", label: "the same, expiry-filtered: read from the database every time", clavis: gqlUncached.requestsPerSecond, peer: null, ratio: null, target: "—", pass: null });
    const creates = await createRate(sqlite.server, sqlite.organization.id, readerToken.access_token, 5);
    metrics.push({ key: "create_rps", label: "createApiClient req/s, c=4, SQLite", clavis: creates.requestsPerSecond, peer: null, ratio: null, target: "—", pass: null });
    await sqlite.server.stop();

    // Like with like: two fresh servers, one organization and 10,000, measured alternately twice,
    // so warm-up and the machine's drift fall on both sides.
    log("SQLite with 10,000 organizations × 10 clients against 1 organization, alternately");
    const big = await clavisWith(`sqlite:${join(dir, "big.sqlite")}`, SECRET, { seed: () => seedSqlite(join(dir, "big.sqlite"), 10_000, 10) });
    const small = await clavisWith(`sqlite:${join(dir, "small.sqlite")}`, SECRET);
    const bigRuns = [];
    const smallRuns = [];
    for (let round = 0; round < 2; round += 1) {
      smallRuns.push(count(await measureToken(small.server, tokenRequest(small.client.clientId, SECRET), 64, SECONDS, "/.well-known/jwks.json")).requestsPerSecond);
      bigRuns.push(count(await measureToken(big.server, tokenRequest(big.client.clientId, SECRET), 64, SECONDS, "/.well-known/jwks.json")).requestsPerSecond);
    }
    await Promise.all([big.server.stop(), small.server.stop()]);
    const mean = (values) => Math.round(values.reduce((sum, value) => sum + value, 0) / values.length);
    const [bigRps, smallRps] = [mean(bigRuns), mean(smallRuns)];
    metrics.push({ key: "token_rps_big", label: "/token req/s, c=64, 10,000 orgs × 10 clients vs 1 org (mean of 2 alternating runs)", clavis: bigRps, peer: smallRps, ratio: ratio(bigRps, smallRps), target: "within 10 %", pass: Math.abs(bigRps / smallRps - 1) <= 0.1 });

    if (hasMariadb()) {
      log("MariaDB: /token against the peer at c=64, and revocation seen by a second process");
      const mariadb = await startMariadb();
      try {
        const maria = await clavisWith(mariadb.url, SECRET, { migrate: true });
        const mariaRun = count(await measureToken(maria.server, tokenRequest(maria.client.clientId, SECRET), 64, SECONDS, "/.well-known/jwks.json"));
        const theirs = await peerRun(64);
        throughput.push({ label: "MariaDB c=64", clavis: mariaRun.requestsPerSecond, peer: theirs.requestsPerSecond });
        metrics.push({ key: "token_rps_mariadb", label: "/token req/s, c=64, MariaDB", clavis: mariaRun.requestsPerSecond, peer: theirs.requestsPerSecond, ratio: ratio(mariaRun.requestsPerSecond, theirs.requestsPerSecond), target: "≥ 1.0 × peer", pass: mariaRun.requestsPerSecond >= theirs.requestsPerSecond });
        const port = await freePort();
        const second = await startClavis({ ...maria.env, CLAVIS_ISSUER: maria.server.issuer }, port);
        const delay = await revocationDelay(maria.server, second, maria.env, maria.organization.id, { clientId: maria.client.clientId, clientSecret: SECRET });
        metrics.push({ key: "revocation_ms", label: `revocation seen by a 2nd process, MariaDB, max of ${delay.samples} (ms)`, clavis: delay.max, peer: null, ratio: null, target: "≤ 1,000 ms every sample", pass: delay.max <= 1000 });
        await Promise.all([maria.server.stop(), second.stop()]);
      } finally {
        await mariadb.stop();
      }
    } else {
      log("no mariadbd on this machine: the MariaDB rows are left out");
    }

    log("npm start to /readyz, admin app size");
    const startup = await startupTime(`sqlite:${join(dir, "startup.sqlite")}`);
    metrics.push({ key: "startup_ms", label: "npm start (built tree) to /readyz 200, ms", clavis: startup.ms, peer: null, ratio: null, target: "≤ 2,000 ms", pass: startup.ms <= 2000 });
    const bundle = firstLoadJs();
    metrics.push({ key: "first_load_js_gzip_kb", label: "admin app first-load JavaScript, gzip KB", clavis: bundle.gzipKb, peer: null, ratio: null, target: "≤ 170 KB", pass: bundle.gzipKb <= 170 });
  } finally {
    await peer.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  const peerVersion = JSON.parse(readFileSync(new URL("./node_modules/oidc-provider/package.json", import.meta.url))).version;
  const machine = `${cpus().length} × ${cpus()[0]?.model.trim()}, Node ${process.version}, ${SECONDS} s per run after a 2 s warm-up, autocannon on the same machine.`;
  const table = writeReport({ date: new Date().toISOString(), machine, peerVersion, seconds: SECONDS, verified, bad, metrics, throughput, durationSeconds: Math.round((Date.now() - started) / 1000) });
  process.stdout.write(`${table}\n\nverified tokens: ${verified} (${bad} bad); took ${Math.round((Date.now() - started) / 1000)} s\n`);
}

await main();
