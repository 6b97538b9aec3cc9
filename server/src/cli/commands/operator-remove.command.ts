import { AppError } from "../../common/errors.js";
import { normalizeEmail } from "../../modules/members/password.js";
import { cliCtx, required, textBlock } from "../cli-args.js";
import type { CliCommand } from "../cli-command.js";

export const operatorRemoveCommand: CliCommand = {
  path: ["operator", "remove"],
  summary: "Take the operator role from a user (never the last operator); the account stays",
  optionsHelp: ["--email E           The operator's e-mail address (required)"],
  options: { email: { type: "string" } },
  async run(runtime, values) {
    const email = normalizeEmail(required(values, "email"));
    const services = await runtime.services();
    const ctx = await cliCtx(runtime);
    const operator = (await services.operators.list(ctx)).find((user) => user.email === email);
    if (operator === undefined) throw new AppError("NOT_FOUND", `${email} is not an operator`);
    await services.operators.remove(ctx, operator.id);
    const record = { userId: operator.id, email, removed: true };
    return { json: [record], text: textBlock(record) };
  },
};
