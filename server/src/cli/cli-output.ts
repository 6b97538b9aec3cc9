import { AppError, assertNever, type ErrorCode } from "../common/errors.js";
import type { CommandOutput, OutputFormat } from "./cli-command.js";
import { UsageError } from "./cli-command.js";

export const EXIT = { ok: 0, usage: 1, validation: 2, notFound: 3, conflict: 4 } as const;

export function defaultFormat(): OutputFormat {
  return process.stdout.isTTY === true ? "text" : "json";
}

export function printOutput(output: CommandOutput, format: OutputFormat): void {
  if (format === "json") {
    for (const item of output.json) process.stdout.write(`${JSON.stringify(item)}\n`);
  } else if (output.text !== "") {
    process.stdout.write(`${output.text}\n`);
  }
}

function exitCodeFor(code: ErrorCode): number {
  switch (code) {
    case "BAD_USER_INPUT":
      return EXIT.validation;
    case "NOT_FOUND":
      return EXIT.notFound;
    case "CONFLICT":
    case "LIMIT_EXCEEDED":
    case "TOO_MANY_REQUESTS":
      return EXIT.conflict;
    case "UNAUTHENTICATED":
    case "FORBIDDEN":
      return EXIT.usage;
    default:
      return assertNever(code);
  }
}

/** Prints one line to stderr (or a JSON error object) and returns the exit code. */
export function reportError(error: unknown, format: OutputFormat): number {
  let code: string;
  let message: string;
  let exitCode: number;
  if (error instanceof AppError) {
    code = error.code;
    const detail = error.fields.length > 1 ? `: ${error.fields.map((field) => `${field.field}: ${field.message}`).join("; ")}` : "";
    message = `${error.message}${detail}`;
    exitCode = exitCodeFor(error.code);
  } else if (error instanceof UsageError) {
    code = "USAGE";
    message = error.message;
    exitCode = EXIT.usage;
  } else {
    code = "INTERNAL";
    message = error instanceof Error ? error.message : String(error);
    exitCode = EXIT.usage;
  }
  if (format === "json") process.stderr.write(`${JSON.stringify({ error: { code, message } })}\n`);
  else process.stderr.write(`${code}: ${message}\n`);
  return exitCode;
}
