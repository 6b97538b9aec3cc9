import type { ParseArgsConfig } from "node:util";
import type { DataSource } from "typeorm";
import type { Config } from "../config.js";
import type { Services } from "../services.js";

export type OutputFormat = "json" | "text";

export interface CliRuntime {
  config: Config;
  /** Opens the database on first use; commands that need none never connect. */
  database(): Promise<DataSource>;
  /** The same services the server uses, on that database. */
  services(): Promise<Services>;
}

export type CommandValues = Record<string, string | boolean | string[] | boolean[] | undefined>;

export interface CliCommand {
  /** Words after `clavis`, e.g. ["org", "create"]. */
  path: string[];
  summary: string;
  /** Lines shown under "Options:" by --help. */
  optionsHelp: string[];
  options: NonNullable<ParseArgsConfig["options"]>;
  run(runtime: CliRuntime, values: CommandValues): Promise<CommandOutput>;
}

/** What a command prints: objects (one JSON line each) and the same for a person to read. */
export interface CommandOutput {
  json: object[];
  text: string;
}

/** A usage problem: printed as one line, exit code 1. */
export class UsageError extends Error {}
