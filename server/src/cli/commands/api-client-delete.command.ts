import { createInterface } from "node:readline/promises";
import { cliCtx, required } from "../cli-args.js";
import { UsageError, type CliCommand } from "../cli-command.js";

export const apiClientDeleteCommand: CliCommand = {
  path: ["api-client", "delete"],
  summary: "Delete an API client for good: its integrations stop working at once",
  optionsHelp: ["--id CLIENT_ID   The client (required)", "--yes            Do not ask for confirmation (needed without a terminal)"],
  options: { id: { type: "string" }, yes: { type: "boolean" } },
  async run(runtime, values) {
    const services = await runtime.services();
    const ctx = await cliCtx(runtime);
    const { client } = await services.apiClients.getByClientId(ctx, required(values, "id"), "write");
    if (values.yes !== true) {
      if (process.stdin.isTTY !== true) throw new UsageError("Deleting needs --yes when there is no terminal to confirm on");
      const rl = createInterface({ input: process.stdin, output: process.stderr });
      const answer = await rl.question(`Delete "${client.name}" (${client.clientId})? Its integrations stop working at once. Type yes: `);
      rl.close();
      if (answer.trim().toLowerCase() !== "yes") throw new UsageError("Not deleted");
    }
    const id = await services.apiClients.delete(ctx, client.id);
    return { json: [{ id, clientId: client.clientId, deleted: true }], text: `Deleted ${client.name} (${client.clientId}).` };
  },
};
