import { cliCtx, required } from "../cli-args.js";
import type { CliCommand } from "../cli-command.js";
import { federatedOutput } from "../cli-federated.js";

export const apiClientFederatedRemoveCommand: CliCommand = {
  path: ["api-client", "federated", "remove"],
  summary: "Stop trusting one federated credential of a client (never its last)",
  optionsHelp: ["--id CLIENT_ID        The client (required)", "--credential-id ID    The federated credential's id, as listed by add (required)"],
  options: { id: { type: "string" }, "credential-id": { type: "string" } },
  async run(runtime, values) {
    const services = await runtime.services();
    const ctx = await cliCtx(runtime);
    const { client } = await services.apiClients.getByClientId(ctx, required(values, "id"), "write");
    await services.federation.remove(ctx, client.id, required(values, "credential-id"));
    return federatedOutput(client.clientId, await services.federation.listOf(ctx, client.id));
  },
};
