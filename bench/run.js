// npm run bench: Clavis against oidc-provider on this machine, in one run. See docs/performance.md.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { clavis, freePort, startClavis, startPeer } from "./lib/processes.js";
import { measureToken, tokenRequest } from "./lib/token-bench.js";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONCURRENCY = (process.env.BENCH_CONCURRENCY ?? "1,16,64").split(",").map(Number);
const SECRET = "bench-Secret-0123456789-abcdefghijklmnopq";

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "clavis-bench-"));
  const env = { DATABASE_URL: `sqlite:${join(dir, "clavis.sqlite")}` };
  const port = await freePort();
  const server = await startClavis({ ...env, CLAVIS_ISSUER: `http://127.0.0.1:${port}` }, port);
  server.issuer = server.url;
  const [organization] = await clavis(["org", "create", "--name", "Bench"], env);
  const [client] = await clavis(["api-client", "create", "--org", organization.id, "--perm", "blogs.read", "--secret-stdin"], env, SECRET);
  const peer = await startPeer(await freePort(), "bench-client", SECRET);
  peer.issuer = peer.url;
  try {
    for (const c of CONCURRENCY) {
      const ours = await measureToken(server, tokenRequest(client.clientId, SECRET), c, SECONDS, "/.well-known/jwks.json");
      const theirs = await measureToken(peer, tokenRequest("bench-client", SECRET), c, SECONDS, "/jwks");
      console.log(`c=${c}`, JSON.stringify({ clavis: ours, peer: theirs, ratio: (ours.requestsPerSecond / theirs.requestsPerSecond).toFixed(2) }));
    }
  } finally {
    await Promise.all([server.stop(), peer.stop()]);
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
