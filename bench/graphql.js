// `npm run bench -- graphql`: only the GraphQL list measurements, for working on that path.
// BENCH_CPU_PROF=dir writes the server's CPU profile there (node --cpu-prof); BENCH_C sets the
// concurrency (16) and BENCH_NODE_FLAGS adds flags to the server's node.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { graphqlList } from "./lib/clavis-bench.js";
import { clavis, clavisWith } from "./lib/processes.js";
import { tokenRequest } from "./lib/token-bench.js";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const dir = mkdtempSync(join(tmpdir(), "clavis-bench-gql-"));
try {
  const { server, env } = await clavisWith(`sqlite:${join(dir, "gql.sqlite")}`, "bench-Secret-0123456789-abcdefghijklmnopq", { cpuProfileDir: process.env.BENCH_CPU_PROF });
  try {
    const [organization] = await clavis(["org", "create", "--name", "Listed"], env);
    const clients = [];
    for (let i = 0; i < 10; i += 1) clients.push((await clavis(["api-client", "create", "--org", organization.id, "--perm", "api-clients.read"], env))[0]);
    const request = tokenRequest(clients[0].clientId, clients[0].clientSecret);
    const token = await (await fetch(`${server.url}/token`, { method: "POST", headers: request.headers, body: "grant_type=client_credentials" })).json();
    const connections = Number(process.env.BENCH_C ?? 16);
    for (const uncached of [false, true]) {
      const result = await graphqlList(server, organization.id, token.access_token, connections, SECONDS, { uncached });
      process.stdout.write(`GraphQL apiClients(first: 50${uncached ? ", expired: false" : ""}) c=${connections}: ${result.requestsPerSecond} req/s, p50 ${result.latencyP50} ms, p99 ${result.latencyP99} ms, non-2xx ${result.non2xx}\n`);
    }
  } finally {
    await server.stop();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
