import { randomBytes } from "node:crypto";
import { createInterface } from "node:readline";
import { Writable } from "node:stream";
import type { Ctx } from "../common/context.js";
import { createCtx } from "../services.js";
import { UsageError, type CliRuntime, type CommandValues } from "./cli-command.js";

export async function cliCtx(runtime: CliRuntime): Promise<Ctx> {
  return createCtx(await runtime.database(), { type: "CLI" });
}

export function required(values: CommandValues, name: string): string {
  const value = values[name];
  if (typeof value !== "string" || value.trim() === "") throw new UsageError(`--${name} is required`);
  return value.trim();
}

export function optional(values: CommandValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === "string" ? value.trim() : undefined;
}

/** Every value of repeatable options, e.g. --permission and its alias --perm. */
export function list(values: CommandValues, ...names: string[]): string[] {
  return names.flatMap((name) => (values[name] as string[] | undefined) ?? []).flatMap((value) => value.split(",")).map((value) => value.trim()).filter((value) => value !== "");
}

export function integer(values: CommandValues, name: string): number | undefined {
  const raw = optional(values, name);
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw)) throw new UsageError(`--${name} must be a whole number (got "${raw}")`);
  return Number(raw);
}

export function onOff(values: CommandValues, name: string): boolean | undefined {
  const raw = optional(values, name);
  if (raw === undefined) return undefined;
  if (raw !== "on" && raw !== "off") throw new UsageError(`--${name} must be on or off (got "${raw}")`);
  return raw === "on";
}

export function choice<T extends string>(values: CommandValues, name: string, choices: readonly T[]): T | undefined {
  const raw = optional(values, name)?.toLowerCase();
  if (raw === undefined) return undefined;
  if (!choices.includes(raw as T)) throw new UsageError(`--${name} must be one of ${choices.join(", ")} (got "${raw}")`);
  return raw as T;
}

const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

/** "90s", "30m", "24h", "7d" or plain seconds. */
export function duration(values: CommandValues, name: string): number | undefined {
  const raw = optional(values, name);
  if (raw === undefined) return undefined;
  const match = /^(\d+)([smhd]?)$/.exec(raw);
  if (match === null) throw new UsageError(`--${name} must be a duration like 3600, 30m, 24h or 7d (got "${raw}")`);
  return Number(match[1]) * UNITS[match[2] || "s"];
}

/** A date alone means the end of that day (UTC): --expires 2027-01-31 is valid through the 31st. */
export function expiry(values: CommandValues, name: string): Date | undefined {
  const raw = optional(values, name);
  if (raw === undefined) return undefined;
  const date = /^\d{4}-\d{2}-\d{2}$/.test(raw) ? new Date(`${raw}T23:59:59.999Z`) : new Date(raw);
  if (Number.isNaN(date.getTime())) throw new UsageError(`--${name} must be a date like 2027-01-31 or an ISO time (got "${raw}")`);
  return date;
}

/** Standard input to its end, without the final newline. */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8").replace(/\r?\n$/, "");
}

/** Asks on the terminal without echoing what is typed. */
export function promptHidden(question: string): Promise<string> {
  const muted = new Writable({ write: (_chunk, _encoding, done) => done() });
  process.stderr.write(question);
  const rl = createInterface({ input: process.stdin, output: muted, terminal: true });
  return new Promise((resolve) => {
    rl.question("", (answer) => {
      rl.close();
      process.stderr.write("\n");
      resolve(answer);
    });
  });
}

export function generatedPassword(): string {
  return randomBytes(18).toString("base64url");
}

/** "key: value" lines for people; arrays joined, nulls as "-". */
export function textBlock(record: Record<string, unknown>): string {
  const width = Math.max(...Object.keys(record).map((key) => key.length));
  return Object.entries(record)
    .map(([key, value]) => `${`${key}:`.padEnd(width + 2)}${Array.isArray(value) ? value.join(", ") || "-" : value === null || value === undefined || value === "" ? "-" : value instanceof Date ? value.toISOString() : typeof value === "object" ? JSON.stringify(value) : String(value)}`)
    .join("\n");
}
