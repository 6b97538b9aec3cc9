import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { leakDir } from "./test-database.js";

export const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
export const SERVER_MAIN = `${ROOT}dist/server/main.js`;

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  output(): string;
  /** Sends a signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  /** The server's V8 heap in use right after a full GC, and the part of it that is JIT code, in bytes; needs `{ memoryProbe: true }`. */
  heapAfterGc(): Promise<{ heapUsed: number; codeUsed: number }>;
}

export interface ServerProcessOptions {
  /**
   * Turns on the server's memory probe (common/memory-probe.ts): node with --expose-gc and an IPC
   * channel. Bytecode flushing is off too: with a forced GC every few seconds V8 would drop and
   * recompile bytecode over and over, and the heap would move with it.
   */
  memoryProbe?: boolean;
}

function assertBuilt(): void {
  if (!existsSync(SERVER_MAIN)) throw new Error(`${SERVER_MAIN} is missing: npm test builds it (npm run build:server)`);
}

/** Runs the built server as a child process; resolves once /readyz answers 200. */
export async function startServerProcess(env: Record<string, string>, port: number, options: ServerProcessOptions = {}): Promise<ServerProcess> {
  assertBuilt();
  const probe = options.memoryProbe === true;
  const child = spawn(process.execPath, [...(probe ? ["--expose-gc", "--no-flush-bytecode"] : []), SERVER_MAIN], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOST: "127.0.0.1", PORT: String(port), LOG_LEVEL: "info", CLAVIS_WEB_DIST: "/nonexistent-web-dist", ...env, ...(probe ? { CLAVIS_MEMORY_PROBE: "1" } : {}) },
    stdio: probe ? ["ignore", "pipe", "pipe", "ipc"] : ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => {
      const dir = leakDir();
      if (dir !== null) writeFileSync(join(dir, `process-${port}-${child.pid}.log`), output);
      resolve(code);
    }),
  );
  const stop = async (signal: NodeJS.Signals = "SIGTERM") => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    return exited;
  };
  const heapAfterGc = () =>
    new Promise<{ heapUsed: number; codeUsed: number }>((resolve, reject) => {
      if (!probe) return reject(new Error("start the server with { memoryProbe: true }"));
      const answer = (message: { type?: string; heapUsed: number; codeUsed: number }) => {
        if (message?.type !== "heap") return;
        child.off("message", answer);
        child.off("exit", gone);
        resolve({ heapUsed: message.heapUsed, codeUsed: message.codeUsed });
      };
      const gone = () => reject(new Error(`server exited while measuring its heap: ${output}`));
      child.on("message", answer);
      child.once("exit", gone);
      child.send({ type: "heap" });
    });
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}: ${output}`);
    const ready = await fetch(`${url}/readyz`).then((r) => r.status === 200, () => false);
    if (ready) return { child, url, output: () => output, stop, heapAfterGc };
    if (Date.now() > deadline) {
      await stop("SIGKILL");
      throw new Error(`server not ready within 20 s: ${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Runs the built server expecting it to exit by itself; resolves with code and output. */
export function runServerToExit(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  assertBuilt();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [SERVER_MAIN], { cwd: ROOT, env: { PATH: process.env.PATH, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
