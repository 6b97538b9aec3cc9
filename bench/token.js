// `npm run bench -- token`: only /token at c=64 against the peer, for working on that path.
// BENCH_CPU_PROF=dir writes Clavis's CPU profile there; BENCH_C sets the concurrency (64);
// BENCH_SEED_ORGS adds that many organizations of 10 clients first. Then the same with
// private_key_jwt (issue 17): a fresh EdDSA assertion per request, from a pool signed beforehand.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { seedSqlite } from "./lib/clavis-bench.js";
import { clavisWith, freePort, startPeer } from "./lib/processes.js";
import { benchKey, createKeyClient, measurePrivateKeyJwt } from "./lib/private-key-jwt-bench.js";
import { measureToken, tokenRequest } from "./lib/token-bench.js";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const SECRET = "bench-Secret-0123456789-abcdefghijklmnopq";
const connections = Number(process.env.BENCH_C ?? 64);
const dir = mkdtempSync(join(tmpdir(), "clavis-bench-token-"));
const key = benchKey();
const peer = await startPeer(await freePort(), "bench-client", SECRET, { pkjwtJwk: key.publicJwk });
peer.issuer = peer.url;
try {
  const path = join(dir, "token.sqlite");
  // BENCH_SEED_ORGS=10000: the large-data case, that many organizations of 10 clients each.
  const seed = process.env.BENCH_SEED_ORGS ? () => seedSqlite(path, Number(process.env.BENCH_SEED_ORGS), 10) : null;
  const { server, client, env, organization } = await clavisWith(`sqlite:${path}`, SECRET, { seed, cpuProfileDir: process.env.BENCH_CPU_PROF });
  try {
    const ours = await measureToken(server, tokenRequest(client.clientId, SECRET), connections, SECONDS, "/.well-known/jwks.json");
    const theirs = await measureToken(peer, tokenRequest("bench-client", SECRET), connections, SECONDS, "/jwks");
    for (const [name, result] of [["Clavis", ours], ["oidc-provider", theirs]]) {
      process.stdout.write(`${name} /token c=${connections}: ${result.requestsPerSecond} req/s, p99 ${result.latencyP99} ms, ${result.bad} bad of ${result.checked}\n`);
    }
    process.stdout.write(`ratio ${(ours.requestsPerSecond / theirs.requestsPerSecond).toFixed(2)}\n`);
    const keyClient = await createKeyClient(env, organization.id, key, dir);
    const oursKeyed = await measurePrivateKeyJwt(server, keyClient.clientId, key.privateKey, key.kid, connections, SECONDS, "/.well-known/jwks.json");
    const theirsKeyed = await measurePrivateKeyJwt(peer, "bench-client-pkjwt", key.privateKey, key.kid, connections, SECONDS, "/jwks", `${peer.url}/token`);
    for (const [name, result] of [["Clavis", oursKeyed], ["oidc-provider", theirsKeyed]]) {
      process.stdout.write(`${name} /token private_key_jwt c=${connections}: ${result.requestsPerSecond} req/s, p99 ${result.latencyP99} ms, ${result.bad} bad of ${result.checked}${result.poolExhausted ? " (assertion pool ran out)" : ""}\n`);
    }
    process.stdout.write(`private_key_jwt ratio ${(oursKeyed.requestsPerSecond / theirsKeyed.requestsPerSecond).toFixed(2)}, Clavis private_key_jwt / secret ${(oursKeyed.requestsPerSecond / ours.requestsPerSecond).toFixed(2)}\n`);
  } finally {
    await server.stop();
  }
} finally {
  await peer.stop();
  rmSync(dir, { recursive: true, force: true });
}
