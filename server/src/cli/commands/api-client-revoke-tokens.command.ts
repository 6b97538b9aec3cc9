import { cliCtx, required } from "../cli-args.js";
import type { CliCommand } from "../cli-command.js";
import { apiClientOutput } from "../cli-records.js";

export const apiClientRevokeTokensCommand: CliCommand = {
  path: ["api-client", "revoke-tokens"],
  summary: "Make every live token of an API client inactive at once; its secret stays",
  optionsHelp: ["--id CLIENT_ID   The client (required)"],
  options: { id: { type: "string" } },
  async run(runtime, values) {
    const services = await runtime.services();
    const ctx = await cliCtx(runtime);
    const { client } = await services.apiClients.getByClientId(ctx, required(values, "id"), "write");
    return apiClientOutput([await services.apiClients.controls.revokeTokens(ctx, client.id)], services.catalog);
  },
};
