// A throwaway MariaDB Galera cluster on loopback, shared by the Galera fault test
// (server/test/support/galera-cluster.ts re-exports it with types) and `npm run bench -- galera`,
// which runs plain node: so it is JavaScript, typed by galera-cluster.d.ts beside it.
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createConnection } from "mysql2/promise";
import { findMariadb } from "./mariadb.js";
import { freePort } from "./processes.js";

export const GALERA_PROVIDER = "/usr/lib/galera/libgalera_smm.so";

/** True when a Galera cluster can be started here: MariaDB, the provider library, rsync and a mysql user. */
export function hasGalera() {
  const rsync = ["/usr/bin/rsync", "/bin/rsync"].some((path) => existsSync(path));
  return findMariadb() !== null && existsSync(GALERA_PROVIDER) && rsync && spawnSync("id", ["-u", "mysql"]).status === 0;
}

/**
 * A throwaway 3-node MariaDB Galera cluster on loopback: own data directories (removed by
 * stop), four free ports a node, run as the mysql user (the joiner's rsync daemon drops to it).
 */
export async function startGaleraCluster(size = 3) {
  const binaries = findMariadb();
  if (binaries === null) throw new Error("A Galera cluster needs MariaDB (apt-get install mariadb-server galera-4 rsync)");
  const base = mkdtempSync(join(tmpdir(), "clavis-galera-"));
  chmodSync(base, 0o755);
  const specs = [];
  for (let index = 0; index < size; index += 1) {
    specs.push({ dir: join(base, `node${index + 1}`), port: await freePort(), group: await freePort(), ist: await freePort(), sst: await freePort(), child: null });
  }
  const cleanup = () => {
    for (const spec of specs) if (spec.child !== null && spec.child.exitCode === null && spec.child.signalCode === null) spec.child.kill("SIGKILL");
    rmSync(base, { recursive: true, force: true });
  };
  try {
    mkdirSync(specs[0].dir);
    const init = spawnSync(binaries.install, ["--no-defaults", `--datadir=${specs[0].dir}`, "--user=mysql", "--auth-root-authentication-method=normal", "--skip-test-db"], { encoding: "utf8" });
    if (init.status !== 0) throw new Error(`Initializing a Galera data directory failed: ${init.stderr || init.stdout}`);
    // Joiners start from a copy of node 1's fresh data, then receive its state by SST.
    for (const spec of specs.slice(1)) cpSync(specs[0].dir, spec.dir, { recursive: true });
    spawnSync("chown", ["-R", "mysql:mysql", base]);
    const addresses = specs.map((spec) => `127.0.0.1:${spec.group}`).join(",");
    const launch = async (spec, bootstrap) => {
      const args = [
        "--no-defaults",
        `--datadir=${spec.dir}`,
        "--user=mysql",
        `--port=${spec.port}`,
        "--bind-address=127.0.0.1",
        `--socket=${join(spec.dir, "mysqld.sock")}`,
        `--pid-file=${join(spec.dir, "mysqld.pid")}`,
        `--log-error=${join(spec.dir, "error.log")}`,
        "--skip-networking=0",
        "--max-connections=500",
        "--innodb-buffer-pool-size=64M",
        "--innodb-flush-log-at-trx-commit=2",
        "--innodb-autoinc-lock-mode=2",
        "--binlog-format=ROW",
        "--wsrep-on=ON",
        `--wsrep-provider=${GALERA_PROVIDER}`,
        `--wsrep-cluster-address=gcomm://${addresses}`,
        "--wsrep-cluster-name=clavis-test",
        "--wsrep-node-address=127.0.0.1",
        `--wsrep-node-name=node${specs.indexOf(spec) + 1}`,
        `--wsrep-provider-options=gmcast.listen_addr=tcp://127.0.0.1:${spec.group};ist.recv_addr=127.0.0.1:${spec.ist};gcache.size=64M`,
        "--wsrep-sst-method=rsync",
        `--wsrep-sst-receive-address=127.0.0.1:${spec.sst}`,
        ...(bootstrap ? ["--wsrep-new-cluster"] : []),
      ];
      spec.child = spawn(binaries.server, args, { stdio: ["ignore", "ignore", "pipe"] });
      await waitUntilSynced(spec);
    };
    await launch(specs[0], true);
    for (const spec of specs.slice(1)) await launch(spec, false);
    const nodes = specs.map((spec, index) => ({
      index,
      port: spec.port,
      url: (database) => `mysql://root@127.0.0.1:${spec.port}/${database}`,
      isRunning: () => spec.child !== null && spec.child.exitCode === null && spec.child.signalCode === null,
    }));
    return {
      nodes,
      kill: async (index) => {
        const child = specs[index].child;
        if (child === null || child.exitCode !== null || child.signalCode !== null) return;
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGKILL");
        await exited;
      },
      restart: (index) => launch(specs[index], false),
      status: async (index, name) => {
        const connection = await createConnection({ host: "127.0.0.1", port: specs[index].port, user: "root" });
        try {
          const [rows] = await connection.query("SHOW STATUS LIKE ?", [name]);
          return String(rows[0]?.Value ?? "");
        } finally {
          await connection.end();
        }
      },
      stop: async () => {
        for (const spec of [...specs].reverse()) await stopNode(spec);
        rmSync(base, { recursive: true, force: true });
      },
    };
  } catch (error) {
    cleanup();
    throw error;
  }
}

/** Waits (up to 120 s: SST on a busy machine) until the node accepts SQL and reports Synced. */
async function waitUntilSynced(spec) {
  const deadline = Date.now() + 120_000;
  let last = "";
  for (;;) {
    const child = spec.child;
    if (child === null || child.exitCode !== null || child.signalCode !== null) throw new Error(`A Galera node exited during start-up: ${errorLog(spec)}`);
    try {
      const connection = await createConnection({ host: "127.0.0.1", port: spec.port, user: "root", connectTimeout: 2000 });
      try {
        const [rows] = await connection.query("SHOW STATUS LIKE 'wsrep_local_state_comment'");
        last = String(rows[0]?.Value ?? "");
        if (last === "Synced") return;
      } finally {
        await connection.end();
      }
    } catch (error) {
      last = String(error);
    }
    if (Date.now() > deadline) throw new Error(`A Galera node was not Synced within 120 s (last: ${last}): ${errorLog(spec)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function errorLog(spec) {
  try {
    return readFileSync(join(spec.dir, "error.log"), "utf8").slice(-3000);
  } catch {
    return "(no error log)";
  }
}

async function stopNode(spec) {
  const child = spec.child;
  if (child === null || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
  await exited;
  clearTimeout(timer);
}
