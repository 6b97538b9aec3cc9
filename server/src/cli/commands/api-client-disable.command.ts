import type { CliCommand } from "../cli-command.js";
import { setDisabled } from "../cli-client-controls.js";

export const apiClientDisableCommand: CliCommand = {
  path: ["api-client", "disable"],
  summary: "Disable an API client: it keeps its configuration, gets invalid_client, and its tokens are inactive until enabled",
  optionsHelp: ["--id CLIENT_ID   The client (required)"],
  options: { id: { type: "string" } },
  run: (runtime, values) => setDisabled(runtime, values, true),
};
