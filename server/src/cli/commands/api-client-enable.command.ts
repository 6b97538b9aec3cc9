import type { CliCommand } from "../cli-command.js";
import { setDisabled } from "../cli-client-controls.js";

export const apiClientEnableCommand: CliCommand = {
  path: ["api-client", "enable"],
  summary: "Enable a disabled API client again: its tokens not yet expired work again",
  optionsHelp: ["--id CLIENT_ID   The client (required)"],
  options: { id: { type: "string" } },
  run: (runtime, values) => setDisabled(runtime, values, false),
};
