import { cliCtx, required } from "../cli-args.js";
import { UsageError, type CliCommand } from "../cli-command.js";
import { publicKeysOutput } from "../cli-records.js";

export const apiClientKeyRemoveCommand: CliCommand = {
  path: ["api-client", "key", "remove"],
  summary: "Remove a public key of a private_key_jwt client (never the last); it stops verifying at once",
  optionsHelp: ["--id CLIENT_ID          The client (required)", "--key-id ID             The key: its id or its kid (required)"],
  options: { id: { type: "string" }, "key-id": { type: "string" } },
  async run(runtime, values) {
    const services = await runtime.services();
    const ctx = await cliCtx(runtime);
    const { client } = await services.apiClients.getByClientId(ctx, required(values, "id"), "write");
    const wanted = required(values, "key-id");
    const key = (await services.clientKeys.list(ctx, client)).find((candidate) => candidate.id === wanted || candidate.kid === wanted);
    if (key === undefined) throw new UsageError(`${client.clientId} has no public key with the id or kid ${wanted}`);
    const view = await services.clientKeys.remove(ctx, client.id, key.id);
    return publicKeysOutput(view.client, await services.clientKeys.list(ctx, view.client));
  },
};
