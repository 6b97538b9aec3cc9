import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createConnection } from "mysql2/promise";
import { freePort } from "./free-port.js";

const SEARCH_DIRS = ["/usr/sbin", "/usr/local/sbin", "/usr/bin", "/usr/local/bin", "/usr/local/mysql/bin"];

export interface MysqlServer {
  url: string;
  stop(): Promise<void>;
  /** Stops the server but keeps its data, as when a database host goes down. */
  pause(): Promise<void>;
  /** Starts it again on the same port and data. */
  resume(): Promise<void>;
}

function which(name: string): string | null {
  const dirs = [...(process.env.PATH ?? "").split(":"), ...SEARCH_DIRS].filter((dir) => dir !== "");
  for (const dir of dirs) {
    const candidate = join(dir, name);
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

/** The server binary and its initializer, or null when neither MariaDB nor MySQL is installed. */
export function findMysqlBinaries(): { server: string; install: string; flavor: "mariadb" | "mysql" } | null {
  const mariadbd = which("mariadbd");
  const installDb = which("mariadb-install-db") ?? which("mysql_install_db");
  if (mariadbd !== null && installDb !== null) return { server: mariadbd, install: installDb, flavor: "mariadb" };
  const mysqld = which("mysqld");
  if (mysqld !== null) return { server: mysqld, install: mysqld, flavor: "mysql" };
  return null;
}

/** Starts a throwaway server on a free loopback port with a temp data directory. */
export async function startMysqlServer(): Promise<MysqlServer> {
  const binaries = findMysqlBinaries();
  if (binaries === null) throw new Error("No mariadbd or mysqld on this machine");
  const dataDir = mkdtempSync(join(tmpdir(), "clavis-mysql-"));
  const init =
    binaries.flavor === "mariadb"
      ? spawnSync(binaries.install, ["--no-defaults", `--datadir=${dataDir}`, "--user=root", "--auth-root-authentication-method=normal", "--skip-test-db"], { encoding: "utf8" })
      : spawnSync(binaries.server, ["--no-defaults", "--initialize-insecure", `--datadir=${dataDir}`, "--user=root"], { encoding: "utf8" });
  if (init.status !== 0) {
    rmSync(dataDir, { recursive: true, force: true });
    throw new Error(`Initializing a MySQL data directory failed: ${init.stderr || init.stdout}`);
  }
  const port = await freePort();
  const launch = async () => {
    const child = spawn(
      binaries.server,
      ["--no-defaults", `--datadir=${dataDir}`, "--user=root", `--port=${port}`, "--bind-address=127.0.0.1", `--socket=${join(dataDir, "mysqld.sock")}`, "--skip-networking=0", "--max-connections=500", "--innodb-flush-log-at-trx-commit=2", "--skip-log-bin"],
      { stdio: ["ignore", "ignore", "pipe"] },
    );
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    try {
      await waitUntilAccepting(port, child, () => stderr);
    } catch (error) {
      child.kill("SIGKILL");
      throw error;
    }
    return child;
  };
  let child: ChildProcess;
  try {
    child = await launch();
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const url = `mysql://root@127.0.0.1:${port}/mysql`;
  return {
    url,
    stop: () => stopServer(child, dataDir),
    pause: () => stopProcess(child),
    resume: async () => {
      child = await launch();
    },
  };
}

async function waitUntilAccepting(port: number, child: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The MySQL server exited during start-up: ${stderr()}`);
    try {
      const connection = await createConnection({ host: "127.0.0.1", port, user: "root" });
      await connection.end();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`The MySQL server did not accept connections within 30 s: ${String(error)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
  await exited;
  clearTimeout(timer);
}

async function stopServer(child: ChildProcess, dataDir: string): Promise<void> {
  await stopProcess(child);
  rmSync(dataDir, { recursive: true, force: true });
}
