import type { CliCommand } from "../cli-command.js";
import { changePermissions, PERMISSION_HELP, PERMISSION_OPTIONS } from "../cli-permission-change.js";

export const apiClientRevokeCommand: CliCommand = {
  path: ["api-client", "revoke"],
  summary: "Revoke permissions from an API client (and whatever implies them)",
  optionsHelp: PERMISSION_HELP,
  options: PERMISSION_OPTIONS,
  run: (runtime, values) => changePermissions(runtime, values, "revoke"),
};
