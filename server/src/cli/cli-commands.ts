import type { CliCommand } from "./cli-command.js";
import { keysListCommand } from "./commands/keys-list.command.js";
import { keysRotateCommand } from "./commands/keys-rotate.command.js";
import { migrateCommand } from "./commands/migrate.command.js";

export const COMMANDS: CliCommand[] = [migrateCommand, keysRotateCommand, keysListCommand];
