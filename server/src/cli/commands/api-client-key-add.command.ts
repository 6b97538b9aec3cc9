import { cliCtx, expiry, required } from "../cli-args.js";
import type { CliCommand } from "../cli-command.js";
import { publicKeysOutput } from "../cli-records.js";
import { readPublicKeyFile } from "../public-key-file.js";

export const apiClientKeyAddCommand: CliCommand = {
  path: ["api-client", "key", "add"],
  summary: "Add a public key to a private_key_jwt client (at most 10); it verifies at once",
  optionsHelp: ["--id CLIENT_ID          The client (required)", "--public-key FILE       PEM SPKI or JWK (JSON) public key (required)", "--key-expires DATE      The key stops verifying then (a date, or an ISO time)"],
  options: { id: { type: "string" }, "public-key": { type: "string" }, "key-expires": { type: "string" } },
  async run(runtime, values) {
    const services = await runtime.services();
    const ctx = await cliCtx(runtime);
    const key = await readPublicKeyFile(required(values, "public-key"), expiry(values, "key-expires"));
    const { client } = await services.apiClients.getByClientId(ctx, required(values, "id"), "write");
    const view = await services.clientKeys.add(ctx, client.id, key);
    return publicKeysOutput(view.client, await services.clientKeys.list(ctx, view.client));
  },
};
