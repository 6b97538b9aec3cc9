// `npm run bench -- cold` (or `node bench/cold.js`, which needs no harness install): only the
// first /token of fresh secrets, generated (keyed digest) and chosen (argon2id), on SQLite.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { coldPath } from "./lib/cold-path.js";
import { clavisWith } from "./lib/processes.js";

const dir = mkdtempSync(join(tmpdir(), "clavis-bench-cold-"));
try {
  const { server, env, organization } = await clavisWith(`sqlite:${join(dir, "cold.sqlite")}`, "bench-Secret-0123456789-abcdefghijklmnopq");
  try {
    const generated = await coldPath(server, env, organization.id);
    const chosen = await coldPath(server, env, organization.id, { chosen: true });
    for (const [label, result] of [["a generated secret (keyed digest)", generated], ["an operator-chosen secret (argon2id)", chosen]]) {
      process.stdout.write(`/token, ${label}: first use p50 ${result.p50} ms, second use p50 ${result.warmP50} ms (${result.samples} secrets)\n`);
    }
  } finally {
    await server.stop();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
