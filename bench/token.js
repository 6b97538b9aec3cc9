// `npm run bench -- token`: only /token at c=64 against the peer, for working on that path.
// BENCH_CPU_PROF=dir writes Clavis's CPU profile there; BENCH_C sets the concurrency (64);
// BENCH_SEED_ORGS adds that many organizations of 10 clients first.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { seedSqlite } from "./lib/clavis-bench.js";
import { clavisWith, freePort, startPeer } from "./lib/processes.js";
import { measureToken, tokenRequest } from "./lib/token-bench.js";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const SECRET = "bench-Secret-0123456789-abcdefghijklmnopq";
const connections = Number(process.env.BENCH_C ?? 64);
const dir = mkdtempSync(join(tmpdir(), "clavis-bench-token-"));
const peer = await startPeer(await freePort(), "bench-client", SECRET);
peer.issuer = peer.url;
try {
  const path = join(dir, "token.sqlite");
  // BENCH_SEED_ORGS=10000: the large-data case, that many organizations of 10 clients each.
  const seed = process.env.BENCH_SEED_ORGS ? () => seedSqlite(path, Number(process.env.BENCH_SEED_ORGS), 10) : null;
  const { server, client } = await clavisWith(`sqlite:${path}`, SECRET, { seed, cpuProfileDir: process.env.BENCH_CPU_PROF });
  try {
    const ours = await measureToken(server, tokenRequest(client.clientId, SECRET), connections, SECONDS, "/.well-known/jwks.json");
    const theirs = await measureToken(peer, tokenRequest("bench-client", SECRET), connections, SECONDS, "/jwks");
    for (const [name, result] of [["Clavis", ours], ["oidc-provider", theirs]]) {
      process.stdout.write(`${name} /token c=${connections}: ${result.requestsPerSecond} req/s, p99 ${result.latencyP99} ms, ${result.bad} bad of ${result.checked}\n`);
    }
    process.stdout.write(`ratio ${(ours.requestsPerSecond / theirs.requestsPerSecond).toFixed(2)}\n`);
  } finally {
    await server.stop();
  }
} finally {
  await peer.stop();
  rmSync(dir, { recursive: true, force: true });
}
