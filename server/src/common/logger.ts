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
  "variables",
  "body",
  "req.body",
];

// A V8 stack frame ("    at fn (/path/file.js:12:34)"); anything else in a stack is its message.
const STACK_FRAME = /^ {4}at .*:\d+:\d+\)?$/;

/**
 * How every logged error (`{ err }`) is written: its class, code and stack frames, never its
 * message or other properties. Those hold request data: graphql-js puts variable values into its
 * messages, database drivers the SQL parameters.
 */
export function safeError(error: unknown, depth = 0): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const safe: Record<string, unknown> = { type: error.name };
  const code = (error as { code?: unknown }).code;
  if (typeof code === "number" || (typeof code === "string" && /^[A-Za-z0-9_.-]{1,64}$/.test(code))) safe.code = code;
  const frames = (error.stack ?? "").split("\n").filter((line) => STACK_FRAME.test(line));
  if (frames.length > 0) safe.stack = frames.join("\n");
  if (error.cause !== undefined && depth < 3) safe.cause = safeError(error.cause, depth + 1);
  return safe;
}

/** JSON lines on stdout, or appended to `file` (the test suite reads them back for leaks). */
export function createLogger(level: LogLevel, file?: string): Logger {
  const options = { level, redact: { paths: REDACT, censor: "[redacted]" }, serializers: { err: (error: unknown) => safeError(error) }, base: { service: "clavis" } };
  return file === undefined ? pino(options) : pino(options, pino.destination({ dest: file, sync: true }));
}

export type { Logger };
