import "reflect-metadata";
import { parseArgs } from "node:util";
import type { DataSource } from "typeorm";
import { ConfigError, loadConfig } from "../config.js";
import { createDataSource, openDataSource } from "../db/data-source.js";
import { describeDatabaseError } from "../db/database-errors.js";
import { KeyDecryptionError } from "../modules/signing-keys/key-encryption.js";
import { keyConfigError } from "../modules/signing-keys/key-ring.js";
import { createServices, type Services } from "../services.js";
import { UsageError, type CliCommand, type CliRuntime, type OutputFormat } from "./cli-command.js";
import { COMMANDS } from "./cli-commands.js";
import { defaultFormat, EXIT, printOutput, reportError } from "./cli-output.js";

function findCommand(words: string[]): { command: CliCommand; rest: string[] } | null {
  const match = COMMANDS.filter((command) => command.path.every((word, i) => words[i] === word)).sort((a, b) => b.path.length - a.path.length)[0];
  return match === undefined ? null : { command: match, rest: words.slice(match.path.length) };
}

function overview(): string {
  const width = Math.max(...COMMANDS.map((command) => command.path.join(" ").length));
  const lines = COMMANDS.map((command) => `  clavis ${command.path.join(" ").padEnd(width)}  ${command.summary}`);
  return ["Usage: clavis <command> [options]", "", "Commands:", ...lines, "", "Every command takes --help and --format json|text."].join("\n");
}

function commandHelp(command: CliCommand): string {
  const options = [...command.optionsHelp, "--format json|text  Output format (json when stdout is not a terminal)", "--help             Show this help"];
  return [`Usage: clavis ${command.path.join(" ")} [options]`, "", command.summary, "", "Options:", ...options.map((line) => `  ${line}`)].join("\n");
}

function parseFormat(raw: unknown): OutputFormat {
  if (raw === undefined) return defaultFormat();
  if (raw === "json" || raw === "text") return raw;
  throw new UsageError(`--format must be json or text (got "${String(raw)}")`);
}

/** Read before full parsing, so even an argument error is reported in the asked-for format. */
function formatIn(args: string[]): OutputFormat {
  const at = args.findIndex((arg) => arg === "--format" || arg.startsWith("--format="));
  const value = at === -1 ? undefined : args[at].startsWith("--format=") ? args[at].slice("--format=".length) : args[at + 1];
  return value === "json" || value === "text" ? value : defaultFormat();
}

async function main(argv: string[]): Promise<number> {
  if (/^(1|true|yes|on)$/i.test(process.env.CLAVIS_DISABLE_CLI ?? "")) {
    process.stderr.write("The clavis CLI is turned off on this deployment (CLAVIS_DISABLE_CLI is set): manage credentials in the admin app or over GraphQL.\n");
    return EXIT.usage;
  }
  const found = findCommand(argv);
  if (found === null) {
    if (argv.length === 0 || argv[0] === "--help" || argv[0] === "-h" || argv[0] === "help") {
      process.stdout.write(`${overview()}\n`);
      return argv.length === 0 ? EXIT.usage : EXIT.ok;
    }
    process.stderr.write(`Unknown command "${argv.join(" ")}".\n\n${overview()}\n`);
    return EXIT.usage;
  }
  const { command, rest } = found;
  let format = formatIn(rest);
  let dataSource: DataSource | null = null;
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      options: { ...command.options, format: { type: "string" }, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
      strict: true,
    });
    format = parseFormat(values.format);
    if (values.help === true) {
      process.stdout.write(`${commandHelp(command)}\n`);
      return EXIT.ok;
    }
    if (positionals.length > 0) throw new UsageError(`Unexpected argument "${positionals[0]}" (see clavis ${command.path.join(" ")} --help)`);
    const config = loadConfig();
    let services: Services | null = null;
    const runtime: CliRuntime = {
      config,
      services: async () => {
        services ??= createServices(config, await runtime.database());
        return services;
      },
      database: async () => {
        if (dataSource === null) {
          const opening = createDataSource(config.database);
          try {
            await openDataSource(opening);
          } catch (error) {
            throw new UsageError(`Cannot open the database (${config.database.kind}): ${describeDatabaseError(error)}`);
          }
          dataSource = opening;
        }
        return dataSource;
      },
    };
    printOutput(await command.run(runtime, values), format);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof ConfigError) return reportError(new UsageError(error.message), format);
    if (error instanceof KeyDecryptionError) return reportError(new UsageError(keyConfigError(error).message), format);
    if (error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS")) {
      return reportError(new UsageError(`${error.message.split(". To specify")[0]} (see clavis ${command.path.join(" ")} --help)`), format);
    }
    return reportError(error, format);
  } finally {
    const opened = dataSource as DataSource | null;
    if (opened !== null) await opened.destroy();
  }
}

process.exitCode = await main(process.argv.slice(2));
