import { choice, cliCtx, generatedPassword, optional, promptHidden, readStdin, required, textBlock } from "../cli-args.js";
import { UsageError, type CliCommand } from "../cli-command.js";

export const userCreateCommand: CliCommand = {
  path: ["user", "create"],
  summary: "Create a user (or add an existing one) as a member of an organization",
  optionsHelp: [
    "--email E           E-mail address (required)",
    "--org ID            Organization id (required)",
    "--role owner|viewer (required)",
    "--name N            Display name (default: the part of the e-mail before @)",
    "--password-stdin    Read the password from standard input; otherwise it is asked for",
    "                    with echo off, or, without a terminal, generated and printed once",
    "--allow-link-account  Add an existing account that was made through an invitation link",
    "                    (refused otherwise: whoever held the link chose its password; make sure",
    "                    it is the person's first)",
  ],
  options: { email: { type: "string" }, org: { type: "string" }, role: { type: "string" }, name: { type: "string" }, "password-stdin": { type: "boolean" }, "allow-link-account": { type: "boolean" } },
  async run(runtime, values) {
    const email = required(values, "email");
    const organizationId = required(values, "org");
    const role = choice(values, "role", ["owner", "viewer"] as const);
    if (role === undefined) throw new UsageError("--role is required (owner or viewer)");
    let password: string;
    let generated = false;
    if (values["password-stdin"] === true) password = await readStdin();
    else if (process.stdin.isTTY === true) password = await promptHidden(`Password for ${email}: `);
    else {
      password = generatedPassword();
      generated = true;
    }
    const services = await runtime.services();
    const member = await services.members.add(await cliCtx(runtime), {
      organizationId,
      email,
      role: role === "owner" ? "OWNER" : "VIEWER",
      name: optional(values, "name") ?? email.split("@")[0],
      password,
      allowLinkAccount: values["allow-link-account"] === true,
    });
    const record = { userId: member.user.id, email: member.user.email, name: member.user.name, role: member.membership.role, organizationId, ...(generated ? { password } : {}) };
    return { json: [record], text: textBlock(record) + (generated ? "\n\nStore the password now: it is not shown again." : "") };
  },
};
