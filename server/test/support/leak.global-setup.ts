import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { scanForLeaks } from "./leak-scan.js";

declare module "vitest" {
  export interface ProvidedContext {
    leakDir: string;
  }
}

/** After the whole suite: no server log line and no table dump may hold a secret or token. */
export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), `clavis-leaks-${project.name}-`));
  project.provide("leakDir", dir);
  return () => {
    const files = readdirSync(dir).length;
    const findings = scanForLeaks(dir);
    rmSync(dir, { recursive: true, force: true });
    if (findings.length > 0) throw new Error(`Secrets at rest in ${findings.length} place(s) of ${files} logs and table dumps:\n${findings.join("\n")}`);
    if (files === 0) throw new Error("The leak scan found no server logs or table dumps to read: the capture is broken");
  };
}
