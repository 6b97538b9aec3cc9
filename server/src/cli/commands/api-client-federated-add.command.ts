import { cliCtx, required } from "../cli-args.js";
import type { CliCommand } from "../cli-command.js";
import { federatedOutput, parseFederatedOption } from "../cli-federated.js";

export const apiClientFederatedAddCommand: CliCommand = {
  path: ["api-client", "federated", "add"],
  summary: "Trust one more external issuer, audience and subject for a FEDERATED client (at most 20)",
  optionsHelp: ["--id CLIENT_ID     The client (required)", "--federated SPEC   issuer=URL,audience=AUD,subject=SUB[,name=NAME] (required); the issuer must be on CLAVIS_FEDERATION_ISSUERS"],
  options: { id: { type: "string" }, federated: { type: "string" } },
  async run(runtime, values) {
    const services = await runtime.services();
    const ctx = await cliCtx(runtime);
    const { client } = await services.apiClients.getByClientId(ctx, required(values, "id"), "write");
    await services.federation.add(ctx, client.id, parseFederatedOption(required(values, "federated")));
    return federatedOutput(client.clientId, await services.federation.listOf(ctx, client.id));
  },
};
