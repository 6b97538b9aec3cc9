import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../support/free-port.js";
import { GraphQLSession } from "../support/graphql-session.js";
import { median, robustSlope, StepGate } from "../support/heap-trend.js";
import { basic, postForm } from "../support/oauth-http.js";
import { runCli } from "../support/run-cli.js";
import { startServerProcess, type ServerProcess } from "../support/server-process.js";
import { createTestDatabase, testDbKind, type TestDatabase } from "../support/test-database.js";

const SECONDS = Number(process.env.CLAVIS_LOAD_SECONDS ?? 60);
const CONCURRENCY = 32;
// Memory is judged after warm-up (caches filled, the hot code compiled), over the requests after
// it. A busy machine serves fewer requests in the time, so the run goes on until it has served
// both (up to MAX_SECONDS).
const WARM_UP = { seconds: 10, requests: 1500 };
const MIN_REQUESTS = WARM_UP.requests + 3000;
const MAX_SECONDS = Math.max(SECONDS * 4, 240);
const SAMPLE_EVERY_MS = 2000;
const MB = 1024 * 1024;
// Kept for every request served, and in all, after warm-up. Measured here (2 cores, shared): about
// 50 bytes per request and 0.2 MB without a leak; keeping each request's body (a few hundred
// bytes) showed as 270-290 bytes per request and 1 MB.
const MAX_BYTES_PER_REQUEST = 150;
const MAX_GROWTH_MB = 3;

interface Tenant {
  organizationId: string;
  integration: { clientId: string; secret: string };
  rotating: string;
  bot: GraphQLSession;
}

describe(`${SECONDS} s of mixed load at c=${CONCURRENCY} on ${testDbKind()}`, () => {
  let db: TestDatabase;
  let server: ServerProcess;
  const tenants: Tenant[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    const env = { DATABASE_URL: db.url };
    await runCli(["migrate"], env);
    server = await startServerProcess({ ...env, LOG_LEVEL: "warn" }, await freePort(), { memoryProbe: true });
    const cli = async (args: string[]) => JSON.parse((await runCli([...args, "--format", "json"], env)).stdout.trim().split("\n")[0]);
    for (let i = 0; i < 3; i += 1) {
      const organization = await cli(["org", "create", "--name", `Load ${i}`, "--max-clients", "1000", "--max-tokens", "20"]);
      const integration = await cli(["api-client", "create", "--org", organization.id, "--perm", "blogs.read,tokens.introspect"]);
      const rotating = await cli(["api-client", "create", "--org", organization.id, "--perm", "blogs.read"]);
      const botClient = await cli(["api-client", "create", "--org", organization.id, "--perm", "api-clients.read,api-clients.write,blogs.read"]);
      const token = (await postForm(server.url, "/token", { grant_type: "client_credentials" }, { authorization: basic(botClient.clientId, botClient.clientSecret) })).body?.access_token;
      tenants.push({
        organizationId: organization.id,
        integration: { clientId: integration.clientId, secret: integration.clientSecret },
        rotating: rotating.id,
        bot: new GraphQLSession(server.url, { authorization: `Bearer ${token}`, "x-tenant-id": organization.id }),
      });
    }
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  it(
    "serves every request without a 5xx or a result from another organization, and keeps no memory per request",
    async () => {
      const problems: string[] = [];
      const counts = { token: 0, list: 0, write: 0, reset: 0, introspect: 0 };
      let served = 0;
      const check = (what: string, status: number) => {
        served += 1;
        if (status >= 500) problems.push(`${what}: ${status}`);
      };

      const step = async (n: number, i: number) => {
        const tenant = tenants[(n + i) % tenants.length];
        const pick = (n * 7 + i) % 20;
        if (pick < 8) {
          const response = await postForm(server.url, "/token", { grant_type: "client_credentials" }, { authorization: basic(tenant.integration.clientId, tenant.integration.secret) });
          check("token", response.status);
          counts.token += 1;
          if (pick === 0 && response.status === 200) {
            const seen = await postForm(server.url, "/introspect", { token: response.body?.access_token }, { authorization: basic(tenant.integration.clientId, tenant.integration.secret) });
            check("introspect", seen.status);
            // Inactive is a fair answer: other workers may have pushed the token past the client's limit.
            if (seen.body?.active === true && seen.body.org_id !== tenant.organizationId) problems.push("introspection answered for another organization");
            if (seen.body?.active !== true && seen.body?.active !== false) problems.push(`introspection: ${JSON.stringify(seen.body)}`);
            counts.introspect += 1;
          }
        } else if (pick < 14) {
          const result = await tenant.bot.request(`query($org: ID!) { apiClients(organizationId: $org, first: 50) { edges { node { organizationId } } } }`, { org: tenant.organizationId });
          check("list", result.status);
          if (result.errors !== undefined) problems.push(`list: ${result.errors[0].message}`);
          for (const edge of result.data?.apiClients.edges ?? []) if (edge.node.organizationId !== tenant.organizationId) problems.push("a client of another organization was listed");
          counts.list += 1;
        } else if (pick < 18) {
          const created = await tenant.bot.request(`mutation($input: CreateApiClientInput!) { createApiClient(input: $input) { apiClient { id organizationId } } }`, {
            input: { organizationId: tenant.organizationId, name: `Load ${n}-${i}`, environment: "LIVE", permissions: ["blogs.read"] },
          });
          check("create", created.status);
          if (created.errors !== undefined) problems.push(`create: ${created.errors[0].message}`);
          const id = created.data?.createApiClient.apiClient.id;
          if (id !== undefined) {
            const deleted = await tenant.bot.request(`mutation($id: ID!) { deleteApiClient(id: $id) }`, { id });
            check("delete", deleted.status);
            if (deleted.errors !== undefined) problems.push(`delete: ${deleted.errors[0].message}`);
          }
          counts.write += 1;
        } else {
          const reset = await tenant.bot.request(`mutation($id: ID!) { resetApiClientSecret(id: $id, gracePeriodSeconds: 60) { clientSecret } }`, { id: tenant.rotating });
          check("reset", reset.status);
          if (reset.errors !== undefined && reset.errors[0].extensions?.code !== "CONFLICT") problems.push(`reset: ${reset.errors[0].message}`);
          counts.reset += 1;
        }
      };

      const started = Date.now();
      const goOn = () => {
        const elapsed = Date.now() - started;
        return elapsed < MAX_SECONDS * 1000 && (elapsed < SECONDS * 1000 || served < MIN_REQUESTS);
      };
      const gate = new StepGate();
      const worker = async (n: number) => {
        for (let i = 0; goOn(); i += 1) await gate.step(() => step(n, i));
      };
      // A leak shows as objects still on the heap after a full GC (memory-probe.ts), growing with
      // the requests served. RSS is no signal (allocator pools and argon2's 19 MiB buffers move
      // it at random), nor is JIT code, nor time: a busy machine serves fewer requests. Samples
      // are taken with no request in flight, so what is left is what the server keeps.
      const samples: { at: number; served: number; mb: number }[] = [];
      const sampling = (async () => {
        while (goOn()) {
          const resume = await gate.quiet();
          const { heapUsed, codeUsed } = await server.heapAfterGc();
          samples.push({ at: Date.now() - started, served, mb: (heapUsed - codeUsed) / MB });
          resume();
          await new Promise((resolve) => setTimeout(resolve, SAMPLE_EVERY_MS));
        }
      })();
      await Promise.all([...Array.from({ length: CONCURRENCY }, (_, n) => worker(n)), sampling]);

      // After warm-up (caches filled), the first and last quarters compare by their medians, and
      // the slope through all samples gives the bytes kept per request served.
      const settled = samples.filter((sample) => sample.at >= WARM_UP.seconds * 1000 && sample.served >= WARM_UP.requests);
      const quarter = Math.max(3, Math.floor(settled.length / 4));
      const baseline = median(settled.slice(0, quarter).map((sample) => sample.mb));
      const growth = median(settled.slice(-quarter).map((sample) => sample.mb)) - baseline;
      const perRequest = robustSlope(settled.map((sample) => ({ x: sample.served, y: sample.mb * MB })));
      const memory = `heap objects after GC: ${baseline.toFixed(2)} MB after warm-up, grew ${growth.toFixed(2)} MB, ${perRequest.toFixed(0)} bytes kept per request (${settled.length} samples, ${served} requests in ${((Date.now() - started) / 1000).toFixed(0)} s)`;
      console.info(`[load] ${testDbKind()}: ${JSON.stringify(counts)}; ${memory}`);
      // On failure, show what the server logged about it, not only what the client saw.
      const logged = server.output().split("\n").filter((line) => line.includes('"level":50')).slice(0, 3);
      expect({ problems: problems.slice(0, 10), logged }).toEqual({ problems: [], logged: [] });
      expect(served, `only ${served} requests served in ${MAX_SECONDS} s`).toBeGreaterThanOrEqual(MIN_REQUESTS);
      expect(counts.write).toBeGreaterThan(50);
      expect(settled.length, memory).toBeGreaterThanOrEqual(8);
      expect(growth, memory).toBeLessThan(MAX_GROWTH_MB);
      expect(perRequest, memory).toBeLessThan(MAX_BYTES_PER_REQUEST);
    },
    (MAX_SECONDS + 60) * 1000,
  );
});
