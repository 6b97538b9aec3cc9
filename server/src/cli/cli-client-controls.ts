import { cliCtx, required } from "./cli-args.js";
import type { CliRuntime, CommandOutput, CommandValues } from "./cli-command.js";
import { apiClientOutput } from "./cli-records.js";

/** api-client disable and enable: the same service call with the state each sets. */
export async function setDisabled(runtime: CliRuntime, values: CommandValues, disabled: boolean): Promise<CommandOutput> {
  const services = await runtime.services();
  const ctx = await cliCtx(runtime);
  const { client } = await services.apiClients.getByClientId(ctx, required(values, "id"), "write");
  return apiClientOutput([await services.apiClients.controls.setDisabled(ctx, client.id, disabled)], services.catalog);
}
