import { cliCtx, list, required } from "./cli-args.js";
import { UsageError, type CliRuntime, type CommandOutput, type CommandValues } from "./cli-command.js";
import { apiClientOutput } from "./cli-records.js";

/** Shared by `api-client grant` and `api-client revoke`: the service applies the rules. */
export async function changePermissions(runtime: CliRuntime, values: CommandValues, direction: "grant" | "revoke"): Promise<CommandOutput> {
  const permissions = list(values, "permission", "perm");
  if (permissions.length === 0) throw new UsageError("Give at least one --permission");
  const services = await runtime.services();
  const ctx = await cliCtx(runtime);
  const { client } = await services.apiClients.getByClientId(ctx, required(values, "id"), "write");
  const view = await services.apiClients.updatePermissions(ctx, client.id, { [direction]: permissions });
  return apiClientOutput([view], services.catalog);
}

export const PERMISSION_OPTIONS = { id: { type: "string" }, permission: { type: "string", multiple: true }, perm: { type: "string", multiple: true } } as const;
export const PERMISSION_HELP = ["--id CLIENT_ID           The client (required)", "--permission, --perm P   A permission (repeatable, or comma-separated)"];
