import { choice, cliCtx, expiry, list, optional, readStdin } from "../cli-args.js";
import { UsageError, type CliCommand } from "../cli-command.js";
import { apiClientOutput } from "../cli-records.js";

export const apiClientCreateCommand: CliCommand = {
  path: ["api-client", "create"],
  summary: "Create an API client and print it with its secret (shown once)",
  optionsHelp: [
    "--org, --organization-id ID  Organization id (required, except with --scope system)",
    "--name N                 Default: API Client *** and the id's last four characters",
    "--permission, --perm P   A permission to grant (repeatable); none by default",
    "--role reader|creator|admin  Grant a preset's permissions",
    "--scope API              An API the client may ever hold permissions in (repeatable);",
    "                         `--scope system` without --org makes a platform-level system client",
    "--id CLIENT_ID           Choose the client id (3-64 of a-z 0-9 . _ -)",
    "--secret-stdin           Read a fixed secret from standard input: 32-200 of A-Z a-z 0-9 - . _ ~",
    "--environment live|staging  Default live",
    "--expires DATE           e.g. 2027-01-31 (valid through that day, UTC)",
    "--allowed-ip CIDR        An address or block allowed to use the client (repeatable)",
    "--redirect-uri URI       An allowed redirect URI (repeatable)",
    "--description TEXT",
    "--allow-login            The client may get tokens for a platform user with that user's",
    "                         username and password (see docs/user-tokens.md)",
    "--allow-impersonate      The client may get tokens acting for a platform user on its own word",
  ],
  options: {
    org: { type: "string" },
    // Decidim's spelling, so its documented examples run as written.
    "organization-id": { type: "string" },
    name: { type: "string" },
    permission: { type: "string", multiple: true },
    perm: { type: "string", multiple: true },
    role: { type: "string" },
    scope: { type: "string", multiple: true },
    id: { type: "string" },
    "secret-stdin": { type: "boolean" },
    environment: { type: "string" },
    expires: { type: "string" },
    "allowed-ip": { type: "string", multiple: true },
    "redirect-uri": { type: "string", multiple: true },
    description: { type: "string" },
    "allow-login": { type: "boolean" },
    "allow-impersonate": { type: "boolean" },
  },
  async run(runtime, values) {
    const scopes = list(values, "scope");
    if (values.org !== undefined && values["organization-id"] !== undefined) throw new UsageError("Give --org or --organization-id, not both");
    const organizationId = optional(values, "org") ?? optional(values, "organization-id") ?? null;
    const isSystem = scopes.includes("system");
    if (organizationId === null && !isSystem) throw new UsageError("--org is required (or --scope system for a platform-level client)");
    if (organizationId !== null && isSystem) throw new UsageError("--scope system makes a client of no organization: leave out --org");
    const environment = choice(values, "environment", ["live", "staging"] as const);
    const services = await runtime.services();
    const result = await services.apiClients.create(await cliCtx(runtime), {
      organizationId,
      name: optional(values, "name"),
      description: optional(values, "description"),
      clientId: optional(values, "id"),
      environment: environment === undefined ? "LIVE" : environment === "live" ? "LIVE" : "STAGING",
      role: choice(values, "role", ["reader", "creator", "admin"] as const),
      permissions: list(values, "permission", "perm"),
      scopes: scopes.length === 0 ? null : scopes,
      expiresAt: expiry(values, "expires"),
      allowedIps: list(values, "allowed-ip"),
      redirectUris: list(values, "redirect-uri"),
      secret: values["secret-stdin"] === true ? await readStdin() : undefined,
      allowLogin: values["allow-login"] === true,
      allowImpersonate: values["allow-impersonate"] === true,
    });
    return apiClientOutput([result.apiClient], services.catalog, result.clientSecret ?? undefined);
  },
};
