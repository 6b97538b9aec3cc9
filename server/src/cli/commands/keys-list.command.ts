import { createCtx } from "../../services.js";
import type { CliCommand } from "../cli-command.js";

export const keysListCommand: CliCommand = {
  path: ["keys", "list"],
  summary: "List signing keys, newest first (public data only)",
  optionsHelp: [],
  options: {},
  async run(runtime) {
    const services = await runtime.services();
    const keys = await services.keys.list(createCtx(await runtime.database(), { type: "CLI" }));
    const rows = keys.map((key) => ({
      kid: key.kid,
      algorithm: key.algorithm,
      status: key.status,
      isEncrypted: key.isEncrypted,
      createdAt: key.createdAt.toISOString(),
      publishUntil: key.publishUntil?.toISOString() ?? null,
    }));
    const text = rows.map((row) => `${row.kid}  ${row.status.padEnd(7)}  created ${row.createdAt}${row.publishUntil === null ? "" : `  published until ${row.publishUntil}`}`).join("\n");
    return { json: rows, text: text || "No signing keys yet: the server creates one on first start." };
  },
};
