// `npm run bench`: builds Clavis if needed, installs the harness's own dependencies (the peer,
// oidc-provider, and autocannon stay out of the product's), then runs bench/run.js.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { ensureBuilt, ROOT } from "./ensure-built.js";

ensureBuilt({ web: true });
const bench = join(ROOT, "bench");
if (!existsSync(join(bench, "node_modules/oidc-provider"))) {
  process.stderr.write("[clavis] installing the benchmark harness (bench/)…\n");
  const install = spawnSync("npm", ["ci", "--no-audit", "--no-fund"], { cwd: bench, stdio: "inherit" });
  if (install.status !== 0) process.exit(install.status ?? 1);
}
// `npm run bench -- graphql`, `-- token`, `-- cold`, `-- capacity` or `-- galera` runs only that part (bench/<part>.js).
const script = ["graphql", "token", "cold", "capacity", "galera"].includes(process.argv[2]) ? `${process.argv[2]}.js` : "run.js";
const run = spawnSync(process.execPath, [script], { cwd: bench, stdio: "inherit" });
process.exit(run.status ?? 1);
