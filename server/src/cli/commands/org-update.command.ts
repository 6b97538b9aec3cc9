import { cliCtx, integer, onOff, optional, required } from "../cli-args.js";
import type { CliCommand } from "../cli-command.js";
import { organizationOutput } from "../cli-records.js";

export const orgUpdateCommand: CliCommand = {
  path: ["org", "update"],
  summary: "Change an organization's name, limits, or whether it may use API clients",
  optionsHelp: ["--id ID             Organization id (required)", "--name N", "--max-clients N", "--max-tokens N", "--token-ttl S", "--api-clients on|off"],
  options: { id: { type: "string" }, name: { type: "string" }, "max-clients": { type: "string" }, "max-tokens": { type: "string" }, "token-ttl": { type: "string" }, "api-clients": { type: "string" } },
  async run(runtime, values) {
    const services = await runtime.services();
    const changes = {
      name: optional(values, "name"),
      maxApiClients: integer(values, "max-clients"),
      maxTokensPerClient: integer(values, "max-tokens"),
      accessTokenTtlSeconds: integer(values, "token-ttl"),
      apiClientsEnabled: onOff(values, "api-clients"),
    };
    const organization = await services.organizations.update(await cliCtx(runtime), required(values, "id"), changes);
    return organizationOutput([organization]);
  },
};
