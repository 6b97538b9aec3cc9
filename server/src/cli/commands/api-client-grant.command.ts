import type { CliCommand } from "../cli-command.js";
import { changePermissions, PERMISSION_HELP, PERMISSION_OPTIONS } from "../cli-permission-change.js";

export const apiClientGrantCommand: CliCommand = {
  path: ["api-client", "grant"],
  summary: "Grant permissions to an API client (within its scopes; implications added)",
  optionsHelp: PERMISSION_HELP,
  options: PERMISSION_OPTIONS,
  run: (runtime, values) => changePermissions(runtime, values, "grant"),
};
