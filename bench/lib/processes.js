import { spawn } from "node:child_process";
import { createServer } from "node:net";

export const ROOT = new URL("../../", import.meta.url).pathname;

export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(url, child, timeoutMs = 30_000) {
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`process exited with ${child.exitCode}`);
    const ok = await fetch(url).then((response) => response.status < 500, () => false);
    if (ok) return Date.now() - started;
    if (Date.now() - started > timeoutMs) throw new Error(`${url} did not answer within ${timeoutMs} ms`);
    await sleep(20);
  }
}

/** Clavis, built, in production mode; resolves once /readyz answers. */
export async function startClavis(env, port, cpuProfileDir) {
  const profile = cpuProfileDir ? ["--cpu-prof", `--cpu-prof-dir=${cpuProfileDir}`] : [];
  const child = spawn(process.execPath, [...profile, ...(process.env.BENCH_NODE_FLAGS ?? "").split(" ").filter(Boolean), "dist/server/main.js"], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, NODE_ENV: "production", HOST: "127.0.0.1", PORT: String(port), LOG_LEVEL: "info", ...env },
    stdio: ["ignore", process.env.BENCH_SERVER_LOG ? "inherit" : "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/readyz`, child);
  return { url, child, stop: () => stopChild(child) };
}

export async function startPeer(port, clientId, clientSecret, { pkjwtJwk = null } = {}) {
  const env = { PATH: process.env.PATH, NODE_ENV: "production", ...(pkjwtJwk === null ? {} : { PEER_PKJWT_JWK: JSON.stringify(pkjwtJwk) }) };
  const child = spawn(process.execPath, ["peer.js", String(port), clientId, clientSecret], { cwd: new URL("..", import.meta.url).pathname, env, stdio: ["ignore", "ignore", "ignore"] });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/jwks`, child);
  return { url, child, stop: () => stopChild(child) };
}

export function stopChild(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", resolve);
    child.kill("SIGTERM");
    setTimeout(() => child.kill("SIGKILL"), 10_000).unref();
  });
}

/** Runs the clavis CLI; resolves with parsed JSON lines. */
export function clavis(args, env, stdin = "") {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["bin/clavis.js", ...args, "--format", "json"], { cwd: ROOT, env: { PATH: process.env.PATH, ...env }, stdio: ["pipe", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.stderr.on("data", (chunk) => (err += chunk));
    child.stdin.end(stdin);
    child.once("exit", (code) => (code === 0 ? resolve(out.trim().split("\n").filter(Boolean).map((line) => JSON.parse(line))) : reject(new Error(`clavis ${args.join(" ")}: ${err}`))));
  });
}

/** A fresh Clavis with one organization and one client holding the fixed secret. */
export async function clavisWith(databaseUrl, secret, { migrate = false, seed = null, cpuProfileDir } = {}) {
  const env = { DATABASE_URL: databaseUrl };
  if (migrate || seed !== null) await clavis(["migrate"], env);
  if (seed !== null) seed();
  const port = await freePort();
  const server = await startClavis({ ...env, CLAVIS_ISSUER: `http://127.0.0.1:${port}` }, port, cpuProfileDir);
  server.issuer = server.url;
  const [organization] = await clavis(["org", "create", "--name", "Bench", "--max-clients", "10000"], env);
  const [client] = await clavis(["api-client", "create", "--org", organization.id, "--perm", "blogs.read", "--perm", "api-clients.write", "--perm", "tokens.introspect", "--secret-stdin"], env, secret);
  return { server, env, organization, client };
}
