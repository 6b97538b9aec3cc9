import { cliCtx, integer, onOff, required } from "../cli-args.js";
import type { CliCommand } from "../cli-command.js";
import { organizationOutput } from "../cli-records.js";

export const orgCreateCommand: CliCommand = {
  path: ["org", "create"],
  summary: "Create an organization",
  optionsHelp: ["--name N            Organization name (required)", "--max-clients N     API clients allowed (10)", "--max-tokens N      Live tokens per client (10)", "--token-ttl S       Access token lifetime in seconds (3600)", "--api-clients on|off  Whether it may use API clients (CLAVIS_API_CLIENTS_DEFAULT)"],
  options: { name: { type: "string" }, "max-clients": { type: "string" }, "max-tokens": { type: "string" }, "token-ttl": { type: "string" }, "api-clients": { type: "string" } },
  async run(runtime, values) {
    const services = await runtime.services();
    const organization = await services.organizations.create(await cliCtx(runtime), {
      name: required(values, "name"),
      maxApiClients: integer(values, "max-clients"),
      maxTokensPerClient: integer(values, "max-tokens"),
      accessTokenTtlSeconds: integer(values, "token-ttl"),
      apiClientsEnabled: onOff(values, "api-clients"),
    });
    return organizationOutput([organization]);
  },
};
