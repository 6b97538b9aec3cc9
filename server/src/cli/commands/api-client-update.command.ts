import { cliCtx, optional, required } from "../cli-args.js";
import { UsageError, type CliCommand, type CommandValues } from "../cli-command.js";
import { apiClientOutput } from "../cli-records.js";

/** --allow-x sets, --no-allow-x clears, neither leaves the flag as it is. */
function flag(values: CommandValues, name: string): boolean | undefined {
  const on = values[name] === true;
  const off = values[`no-${name}`] === true;
  if (on && off) throw new UsageError(`Give --${name} or --no-${name}, not both`);
  return on ? true : off ? false : undefined;
}

export const apiClientUpdateCommand: CliCommand = {
  path: ["api-client", "update"],
  summary: "Change an API client's name, description, or user-token flags",
  optionsHelp: [
    "--id CLIENT_ID           The client (required)",
    "--name N",
    "--description TEXT",
    "--allow-login, --no-allow-login              May (not) get tokens for a platform user by username and password",
    "--allow-impersonate, --no-allow-impersonate  May (not) get tokens acting for a platform user on its own word",
  ],
  options: {
    id: { type: "string" },
    name: { type: "string" },
    description: { type: "string" },
    "allow-login": { type: "boolean" },
    "no-allow-login": { type: "boolean" },
    "allow-impersonate": { type: "boolean" },
    "no-allow-impersonate": { type: "boolean" },
  },
  async run(runtime, values) {
    const clientId = required(values, "id");
    const data = { name: optional(values, "name"), description: optional(values, "description"), allowLogin: flag(values, "allow-login"), allowImpersonate: flag(values, "allow-impersonate") };
    if (Object.values(data).every((value) => value === undefined)) throw new UsageError("Nothing to change: give --name, --description or a flag (see clavis api-client update --help)");
    const services = await runtime.services();
    const ctx = await cliCtx(runtime);
    const { client } = await services.apiClients.getByClientId(ctx, clientId, "write");
    return apiClientOutput([await services.apiClients.update(ctx, client.id, data)], services.catalog);
  },
};
