import { createCtx } from "../../services.js";
import type { CliCommand } from "../cli-command.js";

export const keysRotateCommand: CliCommand = {
  path: ["keys", "rotate"],
  summary: "Add a new active signing key; the old ones stay in the JWKS until their tokens expire",
  optionsHelp: [],
  options: {},
  async run(runtime) {
    const services = await runtime.services();
    const key = await services.keys.rotate(createCtx(await runtime.database(), { type: "CLI" }));
    return { json: [{ kid: key.kid, algorithm: key.algorithm, status: key.status, createdAt: key.createdAt.toISOString() }], text: `New active signing key ${key.kid}` };
  },
};
