import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../support/free-port.js";
import { GraphQLSession } from "../support/graphql-session.js";
import { basic, postForm } from "../support/oauth-http.js";
import { runCli } from "../support/run-cli.js";
import { startServerProcess, type ServerProcess } from "../support/server-process.js";
import { createTestDatabase, testDbKind, type TestDatabase } from "../support/test-database.js";

const SECONDS = Number(process.env.CLAVIS_LOAD_SECONDS ?? 60);
const WARM_UP_SECONDS = 10;
const CONCURRENCY = 32;

const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;

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
    server = await startServerProcess({ ...env, LOG_LEVEL: "warn" }, await freePort());
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
    "serves every request without a 5xx or a result from another organization, and memory settles",
    async () => {
      const problems: string[] = [];
      const counts = { token: 0, list: 0, write: 0, reset: 0, introspect: 0 };
      const deadline = Date.now() + SECONDS * 1000;
      // Memory is sampled twice a second; one sample can land on a passing peak (an argon2id
      // hash alone takes 19 MiB), so each end of the comparison is the median of 5 s of samples.
      const samples: { at: number; mb: number }[] = [];
      const started = Date.now();
      const sampler = setInterval(() => samples.push({ at: Date.now() - started, mb: rssMb(server.child.pid as number) }), 500);
      const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
      const check = (what: string, status: number) => {
        if (status >= 500) problems.push(`${what}: ${status}`);
      };
      const worker = async (n: number) => {
        for (let i = 0; Date.now() < deadline; i += 1) {
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
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, (_, n) => worker(n)));
      clearInterval(sampler);
      const baseline = median(samples.filter((sample) => sample.at >= WARM_UP_SECONDS * 1000 && sample.at < (WARM_UP_SECONDS + 5) * 1000).map((sample) => sample.mb));
      const growth = median(samples.slice(-10).map((sample) => sample.mb)) - baseline;
      // On failure, show what the server logged about it, not only what the client saw.
      const logged = server.output().split("\n").filter((line) => line.includes('"level":50')).slice(0, 3);
      expect({ problems: problems.slice(0, 10), logged }).toEqual({ problems: [], logged: [] });
      expect(counts.token).toBeGreaterThan(1000);
      expect(counts.write).toBeGreaterThan(50);
      expect(baseline).toBeGreaterThan(0);
      expect(growth, `memory grew ${growth.toFixed(1)} MB after warm-up (from ${baseline.toFixed(1)} MB)`).toBeLessThan(30);
    },
    (SECONDS + 60) * 1000,
  );
});
