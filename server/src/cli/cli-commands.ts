import type { CliCommand } from "./cli-command.js";
import { migrateCommand } from "./commands/migrate.command.js";

export const COMMANDS: CliCommand[] = [migrateCommand];
