import { cliCtx, optional } from "../cli-args.js";
import type { CliCommand } from "../cli-command.js";
import { apiClientOutput } from "../cli-records.js";

export const apiClientGetCommand: CliCommand = {
  path: ["api-client", "get"],
  summary: "Show one API client, an organization's, or all of them (never a secret)",
  optionsHelp: ["--id CLIENT_ID   One client", "--org ID         Every client of one organization", "(neither)        Every client of every organization"],
  options: { id: { type: "string" }, org: { type: "string" } },
  async run(runtime, values) {
    const services = await runtime.services();
    const ctx = await cliCtx(runtime);
    const clientId = optional(values, "id");
    const organizationId = optional(values, "org");
    if (clientId !== undefined) return apiClientOutput([await services.apiClients.getByClientId(ctx, clientId)], services.catalog);
    if (organizationId === undefined) return apiClientOutput(await services.apiClients.listEverywhere(ctx), services.catalog);
    const views = [];
    let after: string | null = null;
    for (;;) {
      const page = await services.apiClients.list(ctx, organizationId, { first: 100, after });
      views.push(...page.items.map((item) => item.node));
      if (!page.hasNextPage) break;
      after = page.endCursor;
    }
    return apiClientOutput(views, services.catalog);
  },
};
