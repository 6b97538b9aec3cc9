import { cliCtx, duration, required } from "../cli-args.js";
import type { CliCommand } from "../cli-command.js";
import { apiClientOutput } from "../cli-records.js";

export const apiClientResetSecretCommand: CliCommand = {
  path: ["api-client", "reset-secret"],
  summary: "Give an API client a new secret (printed once); the old one stops now or after --grace",
  optionsHelp: ["--id CLIENT_ID   The client (required)", "--grace D        Keep the old secret working for 30m, 24h, 7d … (at most 7d)"],
  options: { id: { type: "string" }, grace: { type: "string" } },
  async run(runtime, values) {
    const services = await runtime.services();
    const ctx = await cliCtx(runtime);
    const { client } = await services.apiClients.getByClientId(ctx, required(values, "id"), "write");
    const result = await services.apiClients.resetSecret(ctx, client.id, duration(values, "grace") ?? 0);
    return apiClientOutput([result.apiClient], services.catalog, result.clientSecret ?? undefined);
  },
};
