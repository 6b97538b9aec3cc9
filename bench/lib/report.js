import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./processes.js";

const fmt = (value) => (value === null || value === undefined ? "—" : typeof value === "number" ? value.toLocaleString("en-US") : String(value));

/** metric rows → the table printed, written to bench/results/latest.{json,md}, and a chart. */
export function writeReport(results) {
  const rows = results.metrics.map((m) => `| ${m.label} | ${fmt(m.clavis)} | ${fmt(m.peer)} | ${m.ratio ?? "—"} | ${m.target} | ${m.pass === null ? "—" : m.pass ? "pass" : "**fail**"} |`);
  const table = ["| metric | Clavis | peer | ratio | target | result |", "|---|---|---|---|---|---|", ...rows].join("\n");
  const markdown = `# Clavis benchmark, ${results.date}\n\n${results.machine}\n\n${table}\n\nPeer: oidc-provider ${results.peerVersion}. Every /token response in the comparison runs was checked: 200, and a token that verifies against that server's JWKS (${results.verified.toLocaleString("en-US")} tokens, ${results.bad} bad).\n${galeraNote(results.galera)}`;
  const dir = join(ROOT, "bench/results");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "latest.json"), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(dir, "latest.md"), markdown);
  writeFileSync(join(ROOT, "docs/performance-chart.svg"), chart(results.throughput));
  return table;
}

/** The Galera rows' context: their columns, and what replication did during the cluster's /token run. */
function galeraNote(galera) {
  if (!galera) return "";
  const r = galera.replication;
  return `\nGalera rows: "Clavis" is 2 Clavis nodes on a 3-node Galera cluster (the load split over both), "peer" 1 Clavis node on one MariaDB server, measured in this run; the ratio is what replication costs. During the cluster's /token run: ${r.tokensIssued.toLocaleString("en-US")} tokens in ${r.writeSets.toLocaleString("en-US")} write-sets (${r.tokensPerWriteSet} a write-set), ${r.certificationFailures} certification failures and ${r.bruteForceAborts} brute-force aborts, ${r.clavisRetries} transactions retried by Clavis. wsrep_sync_wait: ${galera.barrier.idle.barrierMs} ms a statement against ${galera.barrier.idle.plainMs} ms for SELECT 1 on the idle cluster.\n`;
}

/** Horizontal bars: /token req/s of Clavis and the peer per run. */
function chart(throughput) {
  const max = Math.max(...throughput.flatMap((row) => [row.clavis, row.peer]));
  const barHeight = 18;
  const groupHeight = barHeight * 2 + 18;
  const left = 150;
  const width = 640;
  const scale = (value) => Math.round(((width - left - 70) * value) / max);
  const groups = throughput.map((row, i) => {
    const y = 30 + i * groupHeight;
    return `<text x="${left - 10}" y="${y + barHeight + 4}" text-anchor="end">${row.label}</text>
<rect x="${left}" y="${y}" width="${scale(row.clavis)}" height="${barHeight}" fill="#1f5fbf"/><text x="${left + scale(row.clavis) + 6}" y="${y + 13}">${row.clavis.toLocaleString("en-US")}</text>
<rect x="${left}" y="${y + barHeight + 2}" width="${scale(row.peer)}" height="${barHeight}" fill="#9aa5b1"/><text x="${left + scale(row.peer) + 6}" y="${y + barHeight + 15}">${row.peer.toLocaleString("en-US")}</text>`;
  });
  const height = 40 + throughput.length * groupHeight;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="system-ui, sans-serif" font-size="12">
<text x="${left}" y="16" font-weight="bold">/token requests per second (blue: Clavis, grey: oidc-provider)</text>
${groups.join("\n")}
</svg>
`;
}
