// `npm run bench -- galera`: only the Galera rows (2 Clavis nodes on a 3-node Galera cluster
// against 1 node on one MariaDB server, same run). BENCH_RUNS=3 repeats the whole part, each time
// on a fresh cluster and server, and reports the medians of the per-run figures and ratios.
// Writes bench/results/galera.{json,md}; docs/scaling.md quotes them.
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { galeraRows } from "./lib/galera-bench.js";
import { ROOT } from "./lib/processes.js";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const RUNS = Number(process.env.BENCH_RUNS ?? 1);
const log = (text) => process.stderr.write(`[bench] ${text}\n`);
const fmt = (value) => (value === null || value === undefined ? "—" : typeof value === "number" ? value.toLocaleString("en-US") : String(value));
const median = (values) => {
  const sorted = values.filter((value) => value !== null && value !== undefined).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : Number(((sorted[middle - 1] + sorted[middle]) / 2).toFixed(3));
};

const started = Date.now();
const runs = [];
let bad = 0;
for (let run = 1; run <= RUNS; run += 1) {
  if (RUNS > 1) log(`Galera: run ${run} of ${RUNS}`);
  const result = await galeraRows({ seconds: SECONDS, log });
  if (result === null) process.exit(0);
  runs.push(result);
  bad += result.bad;
}
const metrics = runs[0].metrics.map((first, i) => {
  const values = runs.map((run) => run.metrics[i]);
  return { ...first, clavis: median(values.map((m) => m.clavis)), peer: median(values.map((m) => m.peer)), ratio: median(values.map((m) => m.ratio)), runs: values.map((m) => ({ clavis: m.clavis, peer: m.peer, ratio: m.ratio })), pass: values.some((m) => m.pass === false) ? false : values.some((m) => m.pass === true) ? true : null };
});
const perRun = (m) => (RUNS > 1 ? ` | ${m.runs.map((r) => r.ratio ?? "—").join(", ")}` : "");
const header = RUNS > 1 ? "| metric | Galera | one server | ratio (median) | ratios of the runs |\n|---|---|---|---|---|" : "| metric | Galera | one server | ratio |\n|---|---|---|---|";
const table = `${header}\n${metrics.map((m) => `| ${m.label} | ${fmt(m.clavis)} | ${fmt(m.peer)} | ${m.ratio ?? "—"}${perRun(m)} |`).join("\n")}`;
const machine = `${cpus().length} × ${cpus()[0]?.model.trim()}, Node ${process.version}, ${SECONDS} s per run after a 2 s warm-up, autocannon, 3 Galera nodes, one MariaDB server and 4 Clavis processes on the same machine.`;
const date = new Date().toISOString();
const replication = runs.map((run) => run.details.replication);
const barrier = runs.map((run) => run.details.barrier);
const markdown = `# Clavis Galera benchmark, ${date}\n\n${machine}\n\n${RUNS > 1 ? `Medians of ${RUNS} runs, each on a fresh cluster and server; ` : ""}"Galera" is 2 Clavis nodes on a 3-node Galera cluster (the load split over both), "one server" 1 Clavis node on one MariaDB server, measured in the same run; only the ratios compare.\n\n${table}\n\nDuring the cluster's /token runs: ${replication.map((r) => `${r.tokensIssued.toLocaleString("en-US")} tokens in ${r.writeSets.toLocaleString("en-US")} write-sets, ${r.bytesPerToken} bytes a token, ${r.certificationFailures} certification failures, ${r.bruteForceAborts} brute-force aborts, ${r.clavisRetries} Clavis retries`).join("; ")}. wsrep_sync_wait on the idle cluster: ${barrier.map((b) => `${b.idle.barrierMs} ms against ${b.idle.plainMs} ms for SELECT 1`).join("; ")}. ${bad} bad answers (tokens that did not verify, non-200 answers, introspections not active).\n`;
const dir = join(ROOT, "bench/results");
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, "galera.json"), `${JSON.stringify({ date, machine, seconds: SECONDS, runs: RUNS, metrics, details: runs.map((run) => run.details), bad, durationSeconds: Math.round((Date.now() - started) / 1000) }, null, 2)}\n`);
writeFileSync(join(dir, "galera.md"), markdown);
process.stdout.write(`${table}\n\n${runs.map((run) => JSON.stringify(run.details)).join("\n")}\n`);
if (bad > 0) {
  log(`${bad} answers were not 200 with a valid or active token`);
  process.exitCode = 1;
}
