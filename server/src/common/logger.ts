import { pino, type Logger } from "pino";
import type { LogLevel } from "../config.js";

// Belt and braces: request logs never include headers or bodies, but anything that does
// pass one of these keys into a log call is masked. Exact paths only: wildcard paths cost
// measurable time on every request line of the /token hot path.
const REDACT = [
  "authorization",
  "cookie",
  "password",
  "secret",
  "clientSecret",
  "client_secret",
  "token",
  "access_token",
  "req.headers.authorization",
  "req.headers.cookie",
  "err.config",
];

/** JSON lines on stdout, or appended to `file` (the test suite reads them back for leaks). */
export function createLogger(level: LogLevel, file?: string): Logger {
  const options = { level, redact: { paths: REDACT, censor: "[redacted]" }, base: { service: "clavis" } };
  return file === undefined ? pino(options) : pino(options, pino.destination({ dest: file, sync: true }));
}

export type { Logger };
