import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createConnection } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort, sleep } from "./processes.js";

const DIRS = ["/usr/sbin", "/usr/local/sbin", "/usr/bin", "/usr/local/bin", ...(process.env.PATH ?? "").split(":")];
const find = (name) => DIRS.map((dir) => join(dir, name)).find((path) => existsSync(path)) ?? null;

export function hasMariadb() {
  return findMariadb() !== null;
}

/** MariaDB's server and its initializer, or null when either is missing. */
export function findMariadb() {
  const server = find("mariadbd");
  const install = find("mariadb-install-db") ?? find("mysql_install_db");
  return server !== null && install !== null ? { server, install } : null;
}

/** A throwaway MariaDB on a free loopback port; `url` names a fresh `clavis` database. */
export async function startMariadb() {
  const dataDir = mkdtempSync(join(tmpdir(), "clavis-bench-mariadb-"));
  const init = spawnSync(findMariadb().install, ["--no-defaults", `--datadir=${dataDir}`, "--user=root", "--auth-root-authentication-method=normal", "--skip-test-db"], { encoding: "utf8" });
  if (init.status !== 0) throw new Error(`mariadb-install-db failed: ${init.stderr}`);
  const port = await freePort();
  const child = spawn(findMariadb().server, ["--no-defaults", `--datadir=${dataDir}`, "--user=root", `--port=${port}`, "--bind-address=127.0.0.1", `--socket=${join(dataDir, "sock")}`, "--skip-networking=0", "--max-connections=500", "--innodb-flush-log-at-trx-commit=2", "--skip-log-bin"], { stdio: "ignore" });
  for (let i = 0; ; i += 1) {
    const open = await new Promise((resolve) => {
      const socket = createConnection({ port, host: "127.0.0.1" }, () => (socket.end(), resolve(true)));
      socket.on("error", () => resolve(false));
    });
    if (open) break;
    if (i > 300) throw new Error("MariaDB did not start");
    await sleep(100);
  }
  await sleep(300);
  const created = spawnSync(find("mariadb") ?? find("mysql"), ["--no-defaults", "-h127.0.0.1", `-P${port}`, "-uroot", "-e", "CREATE DATABASE clavis CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"], { encoding: "utf8" });
  if (created.status !== 0) throw new Error(`CREATE DATABASE failed: ${created.stderr}`);
  return {
    url: `mysql://root@127.0.0.1:${port}/clavis`,
    stop: async () => {
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
