// `npm run bench -- capacity`: the figures of docs/scaling.md's capacity model. /token at c=64
// with the server's own CPU time read from /metrics (tokens per CPU-second, commits per token),
// then the bytes one live token takes in the database and the rows one organization holds, on
// SQLite and, when mariadbd is installed, on MariaDB.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { load, summary } from "./lib/load.js";
import { hasMariadb, startMariadb } from "./lib/mariadb.js";
import { clavis, freePort, ROOT, startClavis } from "./lib/processes.js";
import { tokenRequest } from "./lib/token-request.js";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const METRICS_TOKEN = "bench-metrics-token-0123456789abcdef0123456789";
const LIVE_TOKENS = 1000;
const TABLES = ["organizations", "users", "memberships", "api_clients", "api_client_secrets", "access_tokens", "audit_events"];

async function metrics(url) {
  const text = await (await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
  const value = (name) =>
    text
      .split("\n")
      .filter((line) => line.startsWith(name) && !line.startsWith("#"))
      .reduce((total, line) => total + Number(line.slice(line.lastIndexOf(" ") + 1)), 0);
  return { cpu: value("process_cpu_seconds_total"), issued: value('clavis_token_requests_total{grant="client_credentials",outcome="issued"}'), batches: value("clavis_token_batch_size_count"), batched: value("clavis_token_batch_size_sum") };
}

async function measure(kind, databaseUrl, sizeOf, countRows) {
  const env = { DATABASE_URL: databaseUrl };
  await clavis(["migrate"], env);
  const port = await freePort();
  const server = await startClavis({ ...env, CLAVIS_ISSUER: `http://127.0.0.1:${port}`, CLAVIS_METRICS_TOKEN: METRICS_TOKEN }, port);
  try {
    const [organization] = await clavis(["org", "create", "--name", "Capacity", "--max-clients", "100", "--max-tokens", String(LIVE_TOKENS)], env);
    const clients = [];
    // Generated secrets, as integrations hold: a keyed digest, no argon2 on first use.
    for (let i = 0; i < 10; i += 1) clients.push((await clavis(["api-client", "create", "--org", organization.id, "--perm", "blogs.read"], env))[0]);
    const request = tokenRequest(clients[0].clientId, clients[0].clientSecret);
    // Exactly LIVE_TOKENS tokens first, none deleted yet: the table holds them and nothing else.
    for (let issued = 0; issued < LIVE_TOKENS; issued += 10) {
      const answers = await Promise.all(Array.from({ length: 10 }, () => fetch(`${server.url}${request.path}`, { method: "POST", headers: request.headers, body: request.body })));
      if (answers.some((answer) => answer.status !== 200)) throw new Error(`token request answered ${answers.find((answer) => answer.status !== 200).status}`);
    }
    const live = sizeOf();
    const rows = countRows();
    await load({ url: server.url, ...request, connections: 64, seconds: 2 });
    const before = await metrics(server.url);
    const result = summary(await load({ url: server.url, ...request, connections: 64, seconds: SECONDS }));
    const after = await metrics(server.url);
    const issued = after.issued - before.issued;
    const cpu = after.cpu - before.cpu;
    return {
      kind,
      requestsPerSecond: result.requestsPerSecond,
      non2xx: result.non2xx,
      tokensPerCpuSecond: Math.round(issued / cpu),
      cpuCoresUsed: Number((cpu / SECONDS).toFixed(2)),
      tokensPerCommit: Number(((after.batched - before.batched) / (after.batches - before.batches)).toFixed(1)),
      liveTokenRows: live.rows,
      bytesPerLiveToken: Math.round(live.bytes / live.rows),
      rowsPerOrganizationWith10Clients: rows,
    };
  } finally {
    await server.stop();
  }
}

const results = [];
const dir = mkdtempSync(join(tmpdir(), "clavis-bench-capacity-"));
try {
  const path = join(dir, "capacity.sqlite");
  const open = () => new (createRequire(join(ROOT, "package.json"))("better-sqlite3"))(path, { readonly: true });
  results.push(
    await measure(
      "SQLite",
      `sqlite:${path}`,
      () => {
        const db = open();
        const rows = db.prepare("SELECT COUNT(*) AS n FROM access_tokens").get().n;
        // Pages of the table and its indexes, as dbstat counts them (bytes in use, free space left out).
        const bytes = db.prepare("SELECT SUM(pgsize - unused) AS bytes FROM dbstat WHERE name = 'access_tokens' OR name IN (SELECT name FROM sqlite_master WHERE tbl_name = 'access_tokens' AND type = 'index')").get().bytes;
        db.close();
        return { rows, bytes };
      },
      () => {
        const db = open();
        const counts = Object.fromEntries(TABLES.map((table) => [table, db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get().n]));
        db.close();
        return counts;
      },
    ),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}

if (hasMariadb()) {
  const mariadb = await startMariadb();
  const { port } = new URL(mariadb.url);
  const sql = (query) => spawnSync("mariadb", ["--no-defaults", "-h127.0.0.1", `-P${port}`, "-uroot", "-N", "-B", "clavis", "-e", query], { encoding: "utf8" }).stdout.trim();
  try {
    results.push(
      await measure(
        "MariaDB",
        mariadb.url,
        () => {
          sql("ANALYZE TABLE access_tokens");
          const rows = Number(sql("SELECT COUNT(*) FROM access_tokens"));
          const bytes = Number(sql("SELECT data_length + index_length FROM information_schema.tables WHERE table_schema = 'clavis' AND table_name = 'access_tokens'"));
          return { rows, bytes };
        },
        () => Object.fromEntries(TABLES.map((table) => [table, Number(sql(`SELECT COUNT(*) FROM ${table}`))])),
      ),
    );
  } finally {
    await mariadb.stop();
  }
}

for (const result of results) process.stdout.write(`${JSON.stringify(result)}\n`);
