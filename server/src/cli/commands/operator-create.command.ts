import { cliCtx, generatedPassword, optional, readStdin, required, textBlock } from "../cli-args.js";
import type { CliCommand } from "../cli-command.js";

export const operatorCreateCommand: CliCommand = {
  path: ["operator", "create"],
  summary: "Make a user a platform operator (creating the user if there is none with the e-mail)",
  optionsHelp: [
    "--email E           E-mail address (required)",
    "--name N            Display name of a new user (default: the part of the e-mail before @)",
    "--password-stdin    A new user's password, from standard input; otherwise one is generated",
    "                    and printed once. An existing user keeps their password.",
  ],
  options: { email: { type: "string" }, name: { type: "string" }, "password-stdin": { type: "boolean" } },
  async run(runtime, values) {
    const email = required(values, "email");
    const fromStdin = values["password-stdin"] === true;
    const password = fromStdin ? await readStdin() : generatedPassword();
    const services = await runtime.services();
    const { user, isNewUser } = await services.operators.create(await cliCtx(runtime), { email, name: optional(values, "name"), password });
    const shown = isNewUser && !fromStdin;
    const record = { userId: user.id, email: user.email, name: user.name, isNewUser, ...(shown ? { password } : {}) };
    return { json: [record], text: textBlock(record) + (shown ? "\n\nStore the password now: it is not shown again." : "") };
  },
};
