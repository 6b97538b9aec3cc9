import { decodeJwt } from "jose";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CREATE, clientInput } from "../../server/test/support/api-client-queries.js";
import { basic, postForm } from "../../server/test/support/oauth-http.js";
import { inspectScreen } from "./a11y.js";
import { ownerPage, startClientsWorld, type ClientsWorld } from "./api-clients-support.js";

/** Issue 17 in the admin app: the "Token controls" panel of a client's page. */
describe("the token controls panel in the admin app", () => {
  let world: ClientsWorld;
  let page: Page;
  let client: { id: string; clientId: string; secret: string };
  let inspector: { clientId: string; secret: string };

  const create = async (name: string, overrides: Record<string, unknown> = {}) => {
    const { createApiClient } = await world.owner.ok(CREATE, { input: clientInput(world.organizationId, { name, ...overrides }) });
    return { id: createApiClient.apiClient.id as string, clientId: createApiClient.apiClient.clientId as string, secret: createApiClient.clientSecret as string };
  };
  const token = (of: { clientId: string; secret: string }) => postForm(world.server.url, "/token", { grant_type: "client_credentials" }, { authorization: basic(of.clientId, of.secret) });
  const isActive = async (accessToken: string) => (await postForm(world.server.url, "/introspect", { token: accessToken }, { authorization: basic(inspector.clientId, inspector.secret) })).body?.active;
  const detail = () => page.goto(`${world.server.url}/organization/${world.organizationId}/api-clients/${client.id}`);
  const panel = () => page.getByRole("region", { name: "Token controls" });

  beforeAll(async () => {
    world = await startClientsWorld();
    client = await create("Billing export");
    inspector = await create("Introspector", { role: null, permissions: ["tokens.introspect"] });
    page = await ownerPage(world);
  });

  afterAll(async () => {
    await world?.stop();
  });

  it("sets the lifetime and custom claims, and shows the server's refusal at the field", async () => {
    await detail();
    await panel().waitFor();
    expect(await panel().getByText("At most 3600 seconds (1 hour)", { exact: false }).isVisible()).toBe(true);
    expect(await inspectScreen(page, "client-controls-en")).toEqual([]);

    await panel().getByLabel("Token lifetime (seconds)").fill("600");
    await panel().getByLabel("Custom claims (JSON)").fill('{"tier": "gold", "teams": ["a", "b"]}');
    await panel().getByRole("button", { name: "Save token settings" }).click();
    await page.getByText("Saved").waitFor();
    const issued = await token(client);
    expect(issued.body?.expires_in).toBe(600);
    expect(decodeJwt(issued.body?.access_token as string)).toMatchObject({ tier: "gold", teams: ["a", "b"], client_id: client.clientId });

    const claims = panel().getByLabel("Custom claims (JSON)");
    await claims.fill('{"tier": ');
    await panel().getByRole("button", { name: "Save token settings" }).click();
    await panel().getByText("This is not valid JSON.").waitFor();
    expect(await claims.getAttribute("aria-invalid")).toBe("true");

    await claims.fill('{"sub": "admin"}');
    await panel().getByLabel("Token lifetime (seconds)").fill("7200");
    await panel().getByRole("button", { name: "Save token settings" }).click();
    await panel().getByText('"sub" is a claim the token sets itself. Choose another name.').waitFor();
    await panel().getByText("Token lifetime must be from 60 to 3600 seconds (the organization's lifetime).").waitFor();
    expect(await inspectScreen(page, "client-controls-errors-en")).toEqual([]);
    expect(decodeJwt((await token(client)).body?.access_token as string).sub).toBe(client.clientId);
  });

  it("disables and enables the client after confirming, with a Disabled badge on its page and in the list", async () => {
    const before = (await token(client)).body?.access_token as string;
    await detail();
    await panel().getByRole("button", { name: "Disable" }).click();
    const confirm = page.getByRole("dialog", { name: "Disable Billing export?" });
    await confirm.getByRole("button", { name: "Disable" }).click();
    await confirm.waitFor({ state: "hidden" });
    await page.getByRole("heading", { name: /Billing export/ }).getByText("Disabled").waitFor();
    expect((await token(client)).status).toBe(401);
    expect(await isActive(before)).toBe(false);
    expect(await inspectScreen(page, "client-controls-disabled-en")).toEqual([]);

    await page.goto(`${world.server.url}/organization/${world.organizationId}/api-clients`);
    await page.getByRole("row", { name: /Billing export/ }).getByText("Disabled").waitFor();
    expect(await page.getByRole("row", { name: /Introspector/ }).getByText("Disabled").count()).toBe(0);

    await detail();
    await panel().getByRole("button", { name: "Enable" }).click();
    const enable = page.getByRole("dialog", { name: "Enable Billing export?" });
    await enable.getByRole("button", { name: "Enable" }).click();
    await enable.waitFor({ state: "hidden" });
    await panel().getByText("Enabled", { exact: true }).waitFor();
    expect(await isActive(before)).toBe(true);
    expect((await token(client)).status).toBe(200);
  });

  it("revokes every token after confirming, keeping the secret", async () => {
    const before = (await token(client)).body?.access_token as string;
    await detail();
    await panel().getByRole("button", { name: "Revoke all tokens" }).click();
    const confirm = page.getByRole("dialog", { name: "Revoke every token of Billing export?" });
    await confirm.getByRole("button", { name: "Revoke all tokens" }).click();
    await confirm.waitFor({ state: "hidden" });
    await panel().getByText(/All tokens were last revoked/).waitFor();
    expect(await isActive(before)).toBe(false);
    const after = await token(client);
    expect(after.status).toBe(200);
    expect(await isActive(after.body?.access_token as string)).toBe(true);
  });

  it("shows the panel in Swedish, disabled, at both widths", async () => {
    await world.owner.ok(`mutation($id: ID!) { setApiClientDisabled(id: $id, disabled: true) { id } }`, { id: client.id });
    const swedish = await ownerPage(world, "sv");
    await swedish.goto(`${world.server.url}/organization/${world.organizationId}/api-clients/${client.id}`);
    const region = swedish.getByRole("region", { name: "Tokeninställningar" });
    await region.waitFor();
    await region.getByRole("button", { name: "Aktivera" }).waitFor();
    expect(await swedish.getByRole("heading", { name: /Billing export/ }).getByText("Inaktiverad").isVisible()).toBe(true);
    expect(await inspectScreen(swedish, "client-controls-sv")).toEqual([]);
    await region.getByLabel("Egna claims (JSON)").fill('{"aud": "x"}');
    await region.getByRole("button", { name: "Spara tokeninställningar" }).click();
    await region.getByText('"aud" är en claim som tokenet sätter själv. Välj ett annat namn.').waitFor();
    expect(await inspectScreen(swedish, "client-controls-errors-sv")).toEqual([]);
  });
});
