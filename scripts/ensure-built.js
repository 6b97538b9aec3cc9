// Builds the server (tsc) and, when asked, the admin app (vite) if their output is missing or
// older than their sources. Progress goes to stderr so CLI output on stdout stays clean.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function isStale(output, sources) {
  const target = join(ROOT, output);
  if (!existsSync(target)) return true;
  const built = statSync(target).mtimeMs;
  return sources.some((source) => newestMtime(join(ROOT, source)) > built);
}

function run(label, args) {
  process.stderr.write(`[clavis] ${label}…\n`);
  const result = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ["ignore", process.stderr, process.stderr] });
  if (result.status !== 0) {
    process.stderr.write(`[clavis] ${label} failed (exit ${result.status}). Did you run npm install?\n`);
    process.exit(1);
  }
}

function buildServer() {
  run("building the server", [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.json"]);
  // tsc rewrites only the outputs whose content changed, so a stamp marks the last whole build.
  writeFileSync(join(ROOT, "dist/server/.built"), `${new Date().toISOString()}\n`);
}

export function ensureBuilt({ web }) {
  if (isStale("dist/server/.built", ["server/src", "tsconfig.json"]) || !existsSync(join(ROOT, "dist/server/main.js"))) buildServer();
  if (web && isStale("web/dist/index.html", ["web/src", "web/index.html", "web/vite.config.ts"])) {
    run("building the admin app", [join(ROOT, "node_modules/vite/bin/vite.js"), "build", "--config", "web/vite.config.ts", "--logLevel", "warn"]);
  }
}

// `node scripts/ensure-built.js server` (npm run build:server) always builds the server.
if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] === "server") buildServer();
