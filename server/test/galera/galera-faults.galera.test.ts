import { createConnection, type Connection } from "mysql2/promise";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MIGRATIONS } from "../../src/db/migrations.js";
import { freePort } from "../support/free-port.js";
import { startGaleraCluster, type GaleraCluster } from "../support/galera-cluster.js";
import { basic, postForm } from "../support/oauth-http.js";
import { runCli } from "../support/run-cli.js";
import { startServerProcess, type ServerProcess } from "../support/server-process.js";

// Two Clavis nodes behind a (simulated) load balancer, each preferring its own Galera node.
const ISSUER = "https://clavis.galera.test";
const KEK = "galera-fault-test-key-encryption-key-0123456789";
const ORGS = 3;
const MAX_CLIENTS = 6;
/** Org 0 keeps few tokens a client, so the per-client token limit is exercised across nodes. */
const TOKEN_LIMITS = [3, 1000, 1000];
const OPS_PER_PHASE = 150;
const CONCURRENCY = 6;
/**
 * The documented failover bound: when a node's database server dies, the requests that fail
 * are those in flight on it or reaching it before its pool has moved to the next host. With a
 * pool of 10 connections and this load's concurrency, at most this many.
 */
const MAX_503_IN_FAILOVER = 20;

const CREATE = `mutation($input: CreateApiClientInput!) { createApiClient(input: $input) { apiClient { id clientId } clientSecret } }`;
const RESET = `mutation($id: ID!) { resetApiClientSecret(id: $id) { clientSecret } }`;
const DELETE = `mutation($id: ID!) { deleteApiClient(id: $id) }`;
const LIST = `query($org: ID!) { apiClients(organizationId: $org, first: 50) { totalCount edges { node { id } } } }`;

interface Org {
  id: string;
  admin: { clientId: string; secret: string; bearer: string };
  maxTokens: number;
}

interface Client {
  id: string;
  clientId: string;
  secret: string;
  org: number;
  busy: boolean;
  /** Neither used nor counted once its reset or delete had an uncertain outcome. */
  retired: boolean;
  deleted: boolean;
  /** Completion sequence of the last reset or delete: tokens started before it may be inactive. */
  invalidatedAt: number;
}

interface IssuedToken {
  token: string;
  client: Client;
  startedAt: number;
  endedAt: number;
  revoked: boolean;
}

interface Outcome {
  kind: string;
  node: number;
  status: number;
  startedAt: number;
  endedAt: number;
  body: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("two Clavis nodes on a 3-node Galera cluster, under faults", () => {
  let cluster: GaleraCluster;
  const servers: (ServerProcess | null)[] = [null, null];
  const ports: number[] = [];
  const envs: Record<string, string>[] = [];
  const firstOutputs: string[] = [];
  const killedServers: ServerProcess[] = [];
  let seq = 0;
  const outcomes: Outcome[] = [];
  let rerouted = 0;
  let lostInFlight = 0;

  const dbUrl = (order: number[]) => `mysql://root@${order.map((index) => `127.0.0.1:${cluster.nodes[index].port}`).join(",")}/clavis`;

  beforeAll(async () => {
    cluster = await startGaleraCluster();
    const admin = await createConnection({ host: "127.0.0.1", port: cluster.nodes[0].port, user: "root" });
    await admin.query("CREATE DATABASE clavis CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    await admin.end();
    for (const order of [[0, 1, 2], [1, 2, 0]]) {
      envs.push({ DATABASE_URL: dbUrl(order), CLAVIS_ISSUER: ISSUER, CLAVIS_KEY_ENCRYPTION_KEY: KEK, LOG_LEVEL: "info" });
      ports.push(await freePort());
    }
    // Both nodes start together on an empty database: the migrations must run once.
    const [a, b] = await Promise.all([startServerProcess(envs[0], ports[0]), startServerProcess(envs[1], ports[1])]);
    servers[0] = a;
    servers[1] = b;
  });

  afterAll(async () => {
    for (const server of servers) await server?.stop();
    await cluster?.stop();
  });

  /** A load balancer: the preferred node, or the other one when the preferred one refuses connections. */
  async function send(kind: string, preferred: number, request: (url: string) => Promise<Response>): Promise<{ status: number; body: string; node: number; startedAt: number; endedAt: number }> {
    const startedAt = ++seq;
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const node = (preferred + attempt) % 2;
      const server = servers[node];
      if (server === null) {
        rerouted += 1;
        continue;
      }
      let response: Response;
      try {
        response = await request(server.url);
      } catch (error) {
        // Refused (the process is gone): the balancer tries the other node. Lost once sent
        // (killed mid-request): the outcome is unknown, so it is not sent again.
        if ((error as { cause?: { code?: string } }).cause?.code !== "ECONNREFUSED") break;
        if (attempt === 0) rerouted += 1;
        continue;
      }
      const body = await response.text().catch(() => "");
      const outcome = { kind, node, status: response.status, startedAt, endedAt: ++seq, body };
      outcomes.push(outcome);
      return outcome;
    }
    lostInFlight += 1;
    return { status: 0, body: "", node: -1, startedAt, endedAt: ++seq };
  }

  const token = (client: { clientId: string; secret: string }, preferred: number) =>
    send("token", preferred, (url) =>
      fetch(`${url}/token`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", authorization: basic(client.clientId, client.secret) }, body: "grant_type=client_credentials" }),
    );
  const graphql = (kind: string, org: Org, preferred: number, query: string, variables: Record<string, unknown>) =>
    send(kind, preferred, (url) =>
      fetch(`${url}/graphql`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${org.admin.bearer}`, "x-tenant-id": org.id }, body: JSON.stringify({ query, variables }) }),
    );

  async function cli(args: string[]): Promise<Record<string, any>> {
    const result = await runCli(args, { DATABASE_URL: dbUrl([0, 1, 2]), CLAVIS_ISSUER: ISSUER, CLAVIS_KEY_ENCRYPTION_KEY: KEK });
    if (result.code !== 0) throw new Error(`clavis ${args.join(" ")} failed: ${result.stderr}`);
    return JSON.parse(result.stdout.trim().split("\n")[0]);
  }

  it("keeps tokens, clients, limits, audit events and row counts exact while a Galera node and a Clavis node are killed and brought back", async () => {
    const migrationLines = servers.map((server) => (server?.output().match(/applied database migrations/g) ?? []).length);
    firstOutputs.push(...servers.map((server) => server?.output() ?? ""));
    expect(migrationLines.sort()).toEqual([0, 1]);

    // Organizations and their admin clients, through the CLI (as an operator would).
    const orgs: Org[] = [];
    for (let index = 0; index < ORGS; index += 1) {
      const org = await cli(["org", "create", "--name", `Galera ${index}`, "--max-clients", String(MAX_CLIENTS), "--max-tokens", String(TOKEN_LIMITS[index])]);
      const adminClient = await cli(["api-client", "create", "--org", org.id, "--name", "Admin", "--role", "admin", "--perm", "api-clients.write", "--perm", "api-clients.read", "--perm", "tokens.introspect"]);
      const admin = { clientId: adminClient.clientId as string, secret: adminClient.clientSecret as string, bearer: "" };
      const issued = await token(admin, index % 2);
      expect(issued.status).toBe(200);
      admin.bearer = JSON.parse(issued.body).access_token;
      orgs.push({ id: org.id, admin, maxTokens: TOKEN_LIMITS[index] });
    }

    const clients: Client[] = [];
    const tokens: IssuedToken[] = [];
    const counts = { created: [0, 0, 0], createdUncertain: [0, 0, 0], limitRefusals: 0, resets: [0, 0, 0], resetsUncertain: [0, 0, 0], deletes: [0, 0, 0], deletesUncertain: [0, 0, 0], revocations: 0, reads: 0 };
    const random = (n: number) => Math.floor(Math.random() * n);
    const usable = (org?: number) => clients.filter((client) => !client.busy && !client.retired && !client.deleted && (org === undefined || client.org === org));
    const graphqlErrors: string[] = [];
    const unexpectedRefusals: string[] = [];
    /** The GraphQL answer's data, or null; errors other than `allowed` codes are collected for the assertions. */
    const dataOf = (answer: { status: number; body: string }, allowed: string[] = []) => {
      if (answer.status !== 200) return null;
      const body = JSON.parse(answer.body) as { data?: Record<string, any> | null; errors?: { extensions?: { code?: string } }[] };
      const code = body.errors?.[0]?.extensions?.code;
      if (code !== undefined && !allowed.includes(code)) graphqlErrors.push(answer.body.slice(0, 300));
      return code === undefined ? (body.data ?? null) : { error: code };
    };
    const serviceUnavailable = (status: number, body: string) => status === 503 && /temporarily_unavailable|SERVICE_UNAVAILABLE/.test(body);

    async function create(org: number, preferred: number): Promise<void> {
      const answer = await graphql("create", orgs[org], preferred, CREATE, { input: { organizationId: orgs[org].id, name: `Worker ${seq}`, environment: "LIVE", role: "reader" } });
      const data = dataOf(answer, ["LIMIT_EXCEEDED"]);
      if (data?.error === "LIMIT_EXCEEDED") {
        counts.limitRefusals += 1;
        return;
      }
      if (data !== null && data.createApiClient !== undefined) {
        const created = data.createApiClient;
        clients.push({ id: created.apiClient.id, clientId: created.apiClient.clientId, secret: created.clientSecret, org, busy: false, retired: false, deleted: false, invalidatedAt: 0 });
        counts.created[org] += 1;
      } else counts.createdUncertain[org] += 1;
    }

    async function operate(preferred: number): Promise<void> {
      const dice = random(100);
      const org = random(ORGS);
      if (dice < 55 || usable().length < 3) {
        const candidates = usable();
        if (candidates.length === 0) return create(org, preferred);
        const client = candidates[random(candidates.length)];
        const answer = await token(client, preferred);
        // Legitimate only when the secret sent was being reset or was reset meanwhile.
        if (answer.status === 401 && !client.busy && client.invalidatedAt < answer.startedAt) unexpectedRefusals.push(answer.body);
        if (answer.status === 200) tokens.push({ token: JSON.parse(answer.body).access_token, client, startedAt: answer.startedAt, endedAt: answer.endedAt, revoked: false });
        return;
      }
      if (dice < 68) {
        counts.reads += 1;
        dataOf(await graphql("read", orgs[org], preferred, LIST, { org: orgs[org].id }));
        return;
      }
      if (dice < 78) return create(org, preferred);
      if (dice < 86) {
        const candidates = usable(org);
        if (candidates.length === 0) return;
        const client = candidates[random(candidates.length)];
        client.busy = true;
        const answer = await graphql("reset", orgs[org], preferred, RESET, { id: client.id });
        const data = dataOf(answer);
        if (data?.resetApiClientSecret !== undefined) {
          client.secret = data.resetApiClientSecret.clientSecret;
          counts.resets[org] += 1;
        } else {
          client.retired = true;
          counts.resetsUncertain[org] += 1;
        }
        client.invalidatedAt = answer.endedAt;
        client.busy = false;
        return;
      }
      if (dice < 93) {
        const candidates = tokens.filter((issued) => !issued.revoked && !issued.client.busy && !issued.client.retired && !issued.client.deleted);
        if (candidates.length === 0) return;
        const issued = candidates[random(candidates.length)];
        const answer = await send("revoke", preferred, (url) =>
          fetch(`${url}/revoke`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", authorization: basic(issued.client.clientId, issued.client.secret) }, body: `token=${issued.token}` }),
        );
        // Whatever the answer, it may have been revoked.
        issued.revoked = true;
        if (answer.status === 200) counts.revocations += 1;
        return;
      }
      const candidates = usable(org);
      if (candidates.length <= 1) return;
      const client = candidates[random(candidates.length)];
      client.busy = true;
      const answer = await graphql("delete", orgs[org], preferred, DELETE, { id: client.id });
      const data = dataOf(answer);
      if (data?.deleteApiClient === client.id) {
        client.deleted = true;
        counts.deletes[org] += 1;
      } else {
        client.retired = true;
        counts.deletesUncertain[org] += 1;
      }
      client.invalidatedAt = answer.endedAt;
      client.busy = false;
    }

    /** Runs `total` operations, CONCURRENCY at a time; `at` maps an operation count to an action run then. */
    async function phase(total: number, at: Map<number, () => Promise<void> | void> = new Map()): Promise<void> {
      let started = 0;
      const actions: Promise<void>[] = [];
      const worker = async (id: number) => {
        while (started < total) {
          started += 1;
          const action = at.get(started);
          if (action !== undefined) actions.push(Promise.resolve(action()));
          await operate(id % 2);
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, (_, id) => worker(id)));
      await Promise.all(actions);
    }

    for (let org = 0; org < ORGS; org += 1) for (let n = 0; n < 3; n += 1) await create(org, n % 2);

    // Read-your-writes across nodes: a secret reset through node A works through node B at once,
    // and a token revoked through A is inactive through B at once.
    const crossNode = { resets: 0, revocations: 0 };
    for (let round = 0; round < 10; round += 1) {
      const client = clients[round % clients.length];
      const reset = dataOf(await graphql("reset", orgs[client.org], 0, RESET, { id: client.id }));
      client.secret = reset?.resetApiClientSecret.clientSecret;
      client.invalidatedAt = seq;
      counts.resets[client.org] += 1;
      const fresh = await token(client, 1);
      expect(fresh.status).toBe(200);
      crossNode.resets += 1;
      const revokedToken = JSON.parse(fresh.body).access_token as string;
      expect((await send("revoke", 0, (url) => fetch(`${url}/revoke`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", authorization: basic(client.clientId, client.secret) }, body: `token=${revokedToken}` }))).status).toBe(200);
      const admin = orgs[client.org].admin;
      expect((await postForm(servers[1]!.url, "/introspect", { token: revokedToken }, { authorization: basic(admin.clientId, admin.secret) })).body).toEqual({ active: false });
      crossNode.revocations += 1;
    }

    // 1. Normal load.
    await phase(OPS_PER_PHASE);
    // 2. Clavis A's Galera node dies (SIGKILL).
    let galeraKilledAt = 0;
    await phase(OPS_PER_PHASE, new Map([[20, async () => {
      galeraKilledAt = ++seq;
      await cluster.kill(0);
    }]]));
    // 3. Clavis B dies (SIGKILL) and comes back.
    let clavisRestart: Promise<void> = Promise.resolve();
    await phase(OPS_PER_PHASE, new Map<number, () => Promise<void> | void>([
      [20, async () => {
        const dying = servers[1];
        servers[1] = null;
        if (dying !== null) killedServers.push(dying);
        await dying?.stop("SIGKILL");
      }],
      [60, () => {
        clavisRestart = startServerProcess(envs[1], ports[1]).then((server) => {
          servers[1] = server;
        });
      }],
    ]));
    await clavisRestart;
    // 4. The Galera node comes back (state transfer) under load.
    const rejoin = cluster.restart(0);
    await phase(OPS_PER_PHASE);
    await rejoin;

    // No 5xx but 503s on node A from the Galera kill until A's first success after it.
    const recoveredAt = outcomes.filter((outcome) => outcome.node === 0 && outcome.startedAt > galeraKilledAt && outcome.status < 500).map((outcome) => outcome.endedAt).sort((x, y) => x - y)[0];
    const failures = outcomes.filter((outcome) => outcome.status >= 500);
    const inWindow = failures.filter((outcome) => outcome.node === 0 && outcome.endedAt > galeraKilledAt && outcome.startedAt < recoveredAt && serviceUnavailable(outcome.status, outcome.body));

    // Every token that got a 200 is active on both nodes, unless revoked, its client reset or
    // deleted after it was asked for, or (org 0) pushed out by newer tokens of its client.
    await sleep(1500); // the documented 1-second revocation bound, and a margin
    let introspected = 0;
    const wronglyInactive: string[] = [];
    for (const issued of tokens) {
      const legitimatelyInactive =
        issued.revoked ||
        issued.client.retired ||
        issued.client.invalidatedAt > issued.startedAt ||
        tokens.filter((other) => other.client === issued.client && other !== issued && other.endedAt > issued.startedAt).length >= orgs[issued.client.org].maxTokens;
      for (const server of servers) {
        const admin = orgs[issued.client.org].admin;
        const answer = await postForm(server!.url, "/introspect", { token: issued.token }, { authorization: basic(admin.clientId, admin.secret) });
        introspected += 1;
        expect(answer.status).toBe(200);
        if (answer.body?.active !== true && !legitimatelyInactive) wronglyInactive.push(`${issued.client.clientId} on ${server!.url}`);
      }
    }

    // The database, node by node, once every node has applied everything.
    const nodes: Connection[] = [];
    for (const node of cluster.nodes) {
      const connection = await createConnection({ host: "127.0.0.1", port: node.port, user: "root", database: "clavis" });
      await connection.query("SET SESSION wsrep_sync_wait = 15");
      nodes.push(connection);
    }
    const rows = async <T>(node: number, sql: string, params: unknown[] = []) => (await nodes[node].query(sql, params))[0] as T[];
    const tables = (await rows<{ name: string }>(0, "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'clavis' ORDER BY table_name")).map((row) => row.name);
    const withoutPrimaryKey = await rows<{ name: string }>(0, "SELECT t.table_name AS name FROM information_schema.tables t LEFT JOIN information_schema.table_constraints c ON c.table_schema = t.table_schema AND c.table_name = t.table_name AND c.constraint_type = 'PRIMARY KEY' WHERE t.table_schema = 'clavis' AND c.constraint_name IS NULL");
    let rowCounts: number[][] = [];
    for (let attempt = 0; attempt < 5; attempt += 1) {
      // Last-use flushes may still land between two nodes' reads: compare again until they agree.
      rowCounts = [];
      for (let node = 0; node < 3; node += 1) {
        const counted: number[] = [];
        for (const table of tables) counted.push(Number((await rows<{ n: number }>(node, `SELECT COUNT(*) AS n FROM \`${table}\``))[0].n));
        rowCounts.push(counted);
      }
      if (JSON.stringify(rowCounts[0]) === JSON.stringify(rowCounts[1]) && JSON.stringify(rowCounts[1]) === JSON.stringify(rowCounts[2])) break;
      await sleep(500);
    }
    const live = clients.filter((client) => !client.deleted && !client.retired);
    const incomplete: string[] = [];
    for (let node = 0; node < 3; node += 1) {
      for (const client of live) {
        const found = await rows<{ n: number }>(node, "SELECT COUNT(*) AS n FROM api_clients c JOIN api_client_secrets s ON s.api_client_id = c.id AND s.version = c.secret_version WHERE c.id = ? AND c.client_id = ? AND c.organization_id = ?", [client.id, client.clientId, orgs[client.org].id]);
        if (Number(found[0].n) !== 1) incomplete.push(`${client.clientId} on node ${node}`);
      }
    }
    const perOrg = await Promise.all(orgs.map(async (org) => Number((await rows<{ n: number }>(1, "SELECT COUNT(*) AS n FROM api_clients WHERE organization_id = ?", [org.id]))[0].n)));
    const tokensOverLimit = await rows<{ id: string; n: number }>(1, "SELECT t.api_client_id AS id, COUNT(*) AS n FROM access_tokens t JOIN api_clients c ON c.id = t.api_client_id JOIN organizations o ON o.id = c.organization_id WHERE t.revoked_at IS NULL GROUP BY t.api_client_id, o.max_tokens_per_client HAVING COUNT(*) > o.max_tokens_per_client");
    const audit = async (action: string, org: Org) => Number((await rows<{ n: number }>(1, "SELECT COUNT(*) AS n FROM audit_events WHERE action = ? AND organization_id = ?", [action, org.id]))[0].n);
    const doubleAudit = await rows<{ id: string }>(1, "SELECT target_id AS id FROM audit_events WHERE action IN ('api_client.created', 'api_client.deleted') GROUP BY action, target_id HAVING COUNT(*) > 1");
    const migrationsRun = Number((await rows<{ n: number }>(1, "SELECT COUNT(*) AS n FROM migrations"))[0].n);
    const auditCounts = await Promise.all(
      orgs.map(async (org) => ({ created: await audit("api_client.created", org), resets: await audit("api_client.secret_reset", org), deletes: await audit("api_client.deleted", org) })),
    );
    // What a causal read costs: SELECT 1 with and without wsrep_sync_wait, on a quiet cluster.
    const timeReads = async (sql: string) => {
      const started = process.hrtime.bigint();
      for (let n = 0; n < 200; n += 1) await nodes[1].query(sql);
      return Number(process.hrtime.bigint() - started) / 1e6 / 200;
    };
    await nodes[1].query("SET SESSION wsrep_sync_wait = 0");
    const plainMs = await timeReads("SELECT 1");
    const causalMs = await timeReads("SET STATEMENT wsrep_sync_wait = 1 FOR SELECT 1");
    const certFailures = await Promise.all([0, 1, 2].map((node) => cluster.status(node, "wsrep_local_cert_failures")));
    const bfAborts = await Promise.all([0, 1, 2].map((node) => cluster.status(node, "wsrep_local_bf_aborts")));
    for (const connection of nodes) await connection.end();

    const statusCounts: Record<string, number> = {};
    for (const outcome of outcomes) statusCounts[`${outcome.kind} ${outcome.status}`] = (statusCounts[`${outcome.kind} ${outcome.status}`] ?? 0) + 1;
    const unexpectedLines = [...killedServers.map((server) => server.output()), ...servers.map((server) => server?.output() ?? "")].flatMap((output) => output.split("\n").filter((line) => /unexpected error/.test(line)));
    console.log(
      [
        ...unexpectedLines.slice(0, 5),
        `galera fault test: ${outcomes.length} requests answered (${JSON.stringify(statusCounts)}), ${rerouted} rerouted by the balancer, ${lostInFlight} lost in flight`,
        `kills: 1 Galera node (SIGKILL, rejoined by state transfer), 1 Clavis node (SIGKILL, restarted)`,
        `failover window: ${inWindow.length} answers 503 on the node whose database died (bound ${MAX_503_IN_FAILOVER}); ${failures.length - inWindow.length} other 5xx`,
        `tokens: ${tokens.length} issued, ${introspected} introspections; clients: created ${counts.created.join("/")}, deleted ${counts.deletes.join("/")}, reset ${counts.resets.join("/")}, ${counts.limitRefusals} refused at the limit, ${counts.revocations} revocations, ${counts.reads} list reads`,
        `rows checked: ${tables.length} tables x 3 nodes, counts ${JSON.stringify(rowCounts[0])}; ${live.length} live clients x 3 nodes`,
        `cross-node read-your-writes: ${crossNode.resets} resets used at once, ${crossNode.revocations} revocations seen at once on the other node`,
        `causal read: ${causalMs.toFixed(3)} ms a statement with wsrep_sync_wait, ${plainMs.toFixed(3)} ms without (mean of 200, quiet cluster)`,
        `certification failures per node ${certFailures.join("/")}, brute-force aborts ${bfAborts.join("/")}`,
      ].join("\n"),
    );

    expect(graphqlErrors).toEqual([]);
    expect(migrationsRun).toBe(MIGRATIONS.length);
    expect(withoutPrimaryKey).toEqual([]);
    expect(failures.filter((outcome) => !inWindow.includes(outcome)).map((outcome) => `${outcome.kind} ${outcome.status} on node ${outcome.node}: ${outcome.body.slice(0, 200)}`)).toEqual([]);
    expect(inWindow.length).toBeLessThanOrEqual(MAX_503_IN_FAILOVER);
    expect(unexpectedRefusals).toEqual([]);
    expect(wronglyInactive).toEqual([]);
    expect(rowCounts[1]).toEqual(rowCounts[0]);
    expect(rowCounts[2]).toEqual(rowCounts[0]);
    expect(incomplete).toEqual([]);
    expect(tokensOverLimit).toEqual([]);
    expect(doubleAudit).toEqual([]);
    for (let org = 0; org < ORGS; org += 1) {
      // The admin client counts toward the limit; uncertain outcomes may or may not have happened.
      const expected = 1 + counts.created[org] - counts.deletes[org];
      expect(perOrg[org]).toBeLessThanOrEqual(MAX_CLIENTS);
      expect(perOrg[org]).toBeGreaterThanOrEqual(expected - counts.deletesUncertain[org]);
      expect(perOrg[org]).toBeLessThanOrEqual(expected + counts.createdUncertain[org]);
      // One audit event per change: exactly the changes made, or between those and the uncertain ones.
      const events = auditCounts[org];
      expect(events.created).toBeGreaterThanOrEqual(1 + counts.created[org]);
      expect(events.created).toBeLessThanOrEqual(1 + counts.created[org] + counts.createdUncertain[org]);
      expect(events.resets).toBeGreaterThanOrEqual(counts.resets[org]);
      expect(events.resets).toBeLessThanOrEqual(counts.resets[org] + counts.resetsUncertain[org]);
      expect(events.deletes).toBeGreaterThanOrEqual(counts.deletes[org]);
      expect(events.deletes).toBeLessThanOrEqual(counts.deletes[org] + counts.deletesUncertain[org]);
    }
  });
});
