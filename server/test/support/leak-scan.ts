import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * What must never be at rest in a log line or a table: a Clavis secret (by its format), an
 * access token (a JWT), or the tests' password. Shapes, not a list of values, so a leak of any
 * secret or token is found, not only of those a test remembered.
 */
export const LEAK_PATTERNS: { name: string; pattern: RegExp }[] = [
  { name: "client secret", pattern: /clv_(?:live|test)_[0-9A-Za-z]{40,}/ },
  { name: "access token", pattern: /eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{20,}/ },
  { name: "password", pattern: /correct horse battery|a long enough password|gentle river of stone|alice-password-1|bob-password-123|ann-password-123/ },
  { name: "user directory secret", pattern: /directory-shared-secret-0123456789/ },
  { name: "token of an invitation link", pattern: /clvinv_[A-Za-z0-9_-]{43}/ },
];

export function scanForLeaks(dir: string): string[] {
  const findings: string[] = [];
  for (const file of readdirSync(dir)) {
    const text = readFileSync(join(dir, file), "utf8");
    for (const { name, pattern } of LEAK_PATTERNS) {
      const match = pattern.exec(text);
      if (match !== null) findings.push(`${file}: ${name === "access token" ? "an" : "a"} ${name} (${match[0].slice(0, 16)}…)`);
    }
  }
  return findings;
}
