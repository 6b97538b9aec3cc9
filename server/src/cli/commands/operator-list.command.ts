import { cliCtx, textBlock } from "../cli-args.js";
import type { CliCommand } from "../cli-command.js";

export const operatorListCommand: CliCommand = {
  path: ["operator", "list"],
  summary: "List platform operators, by name",
  optionsHelp: [],
  options: {},
  async run(runtime) {
    const services = await runtime.services();
    const rows = (await services.operators.list(await cliCtx(runtime))).map((user) => ({ userId: user.id, email: user.email, name: user.name, createdAt: user.createdAt.toISOString() }));
    return { json: rows, text: rows.map((row) => textBlock(row)).join("\n\n") || "No operators: make one with clavis operator create." };
  },
};
