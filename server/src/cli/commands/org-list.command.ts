import { cliCtx } from "../cli-args.js";
import type { CliCommand } from "../cli-command.js";
import { organizationOutput } from "../cli-records.js";

export const orgListCommand: CliCommand = {
  path: ["org", "list"],
  summary: "List every organization, oldest first",
  optionsHelp: [],
  options: {},
  async run(runtime) {
    const services = await runtime.services();
    return organizationOutput(await services.organizations.listAll(await cliCtx(runtime)));
  },
};
