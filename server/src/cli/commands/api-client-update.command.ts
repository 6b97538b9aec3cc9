import { cliCtx, optional, required } from "../cli-args.js";
import { UsageError, type CliCommand, type CommandValues } from "../cli-command.js";
import { apiClientOutput } from "../cli-records.js";
import type { CustomClaims } from "../../modules/api-clients/api-client.entity.js";

/** --token-ttl N sets the client's own lifetime; "org" clears it, so the organization's applies. */
function tokenTtl(values: CommandValues): number | null | undefined {
  const raw = optional(values, "token-ttl");
  if (raw === undefined) return undefined;
  if (raw === "org") return null;
  if (!/^\d+$/.test(raw)) throw new UsageError(`--token-ttl must be a whole number of seconds or org (got "${raw}")`);
  return Number(raw);
}

/** --custom-claims '<json object>'; the service checks the names, depth and size. */
function customClaims(values: CommandValues): CustomClaims | undefined {
  const raw = optional(values, "custom-claims");
  if (raw === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new UsageError("--custom-claims must be a JSON object, e.g. '{\"tier\":\"gold\"}'; '{}' removes them all");
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) throw new UsageError("--custom-claims must be a JSON object, e.g. '{\"tier\":\"gold\"}'; '{}' removes them all");
  return parsed as CustomClaims;
}

/** --allow-x sets, --no-allow-x clears, neither leaves the flag as it is. */
function flag(values: CommandValues, name: string): boolean | undefined {
  const on = values[name] === true;
  const off = values[`no-${name}`] === true;
  if (on && off) throw new UsageError(`Give --${name} or --no-${name}, not both`);
  return on ? true : off ? false : undefined;
}

export const apiClientUpdateCommand: CliCommand = {
  path: ["api-client", "update"],
  summary: "Change an API client's name, description, user-token flags, token lifetime or custom claims",
  optionsHelp: [
    "--id CLIENT_ID           The client (required)",
    "--name N",
    "--description TEXT",
    "--allow-login, --no-allow-login              May (not) get tokens for a platform user by username and password",
    "--allow-impersonate, --no-allow-impersonate  May (not) get tokens acting for a platform user on its own word",
    "--token-ttl N|org        Its tokens' lifetime in seconds (60 to the organization's); org: the organization's",
    "--custom-claims JSON     Extra claims of every token it gets, e.g. '{\"tier\":\"gold\"}'; '{}' removes them",
  ],
  options: {
    id: { type: "string" },
    name: { type: "string" },
    description: { type: "string" },
    "allow-login": { type: "boolean" },
    "no-allow-login": { type: "boolean" },
    "allow-impersonate": { type: "boolean" },
    "no-allow-impersonate": { type: "boolean" },
    "token-ttl": { type: "string" },
    "custom-claims": { type: "string" },
  },
  async run(runtime, values) {
    const clientId = required(values, "id");
    const data = { name: optional(values, "name"), description: optional(values, "description"), allowLogin: flag(values, "allow-login"), allowImpersonate: flag(values, "allow-impersonate"), accessTokenTtlSeconds: tokenTtl(values), customClaims: customClaims(values) };
    if (Object.values(data).every((value) => value === undefined)) throw new UsageError("Nothing to change: give --name, --description, --token-ttl, --custom-claims or a flag (see clavis api-client update --help)");
    const services = await runtime.services();
    const ctx = await cliCtx(runtime);
    const { client } = await services.apiClients.getByClientId(ctx, clientId, "write");
    return apiClientOutput([await services.apiClients.update(ctx, client.id, data)], services.catalog);
  },
};
