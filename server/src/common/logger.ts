import { pino, type Logger } from "pino";
import type { LogLevel } from "../config.js";

// Belt and braces: request logs never include headers or bodies, but anything that does
// pass one of these keys into a log call is masked.
const REDACT = [
  "authorization",
  "cookie",
  "password",
  "secret",
  "clientSecret",
  "client_secret",
  "token",
  "access_token",
  "*.authorization",
  "*.cookie",
  "*.password",
  "*.secret",
  "*.clientSecret",
  "*.client_secret",
  "*.token",
  "*.access_token",
  "req.headers.authorization",
  "req.headers.cookie",
];

export function createLogger(level: LogLevel): Logger {
  return pino({ level, redact: { paths: REDACT, censor: "[redacted]" }, base: { service: "clavis" } });
}

export type { Logger };
