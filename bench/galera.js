// `npm run bench -- galera`: only the Galera rows (2 Clavis nodes on a 3-node Galera cluster
// against 1 node on one MariaDB server, same run), printed as table rows and as JSON details.
import { galeraRows } from "./lib/galera-bench.js";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const SECRET = "bench-Secret-0123456789-abcdefghijklmnopq";
const log = (text) => process.stderr.write(`[bench] ${text}\n`);

const result = await galeraRows({ seconds: SECONDS, secret: SECRET, log });
if (result !== null) {
  const fmt = (value) => (value === null || value === undefined ? "—" : typeof value === "number" ? value.toLocaleString("en-US") : String(value));
  const rows = result.metrics.map((m) => `| ${m.label} | ${fmt(m.clavis)} | ${fmt(m.peer)} | ${m.ratio ?? "—"} |`);
  process.stdout.write(`| metric | Galera | one server | ratio |\n|---|---|---|---|\n${rows.join("\n")}\n\n${JSON.stringify(result.details)}\n`);
  if (result.bad > 0) {
    process.stderr.write(`[bench] ${result.bad} answers were not 200 with a valid or active token\n`);
    process.exitCode = 1;
  }
}
