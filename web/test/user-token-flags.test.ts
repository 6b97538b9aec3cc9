import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LIST } from "../../server/test/support/api-client-queries.js";
import { ownerPage, startClientsWorld, type ClientsWorld } from "./api-clients-support.js";

const FLAGS = `query($id: ID!) { apiClient(id: $id) { allowLogin allowImpersonate } }`;

/** Issue 15 in the admin app: the user-token flags, with their warnings, set at creation and changed later. */
describe("the user-token flags in the admin app", () => {
  let world: ClientsWorld;
  let page: Page;

  beforeAll(async () => {
    world = await startClientsWorld();
    page = await ownerPage(world);
  });

  afterAll(async () => {
    await world?.stop();
  });

  const flagsOf = async (name: string) => {
    const list = await world.owner.ok(LIST, { organizationId: world.organizationId, first: 10, filter: { search: name } });
    const id: string = list.apiClients.edges[0].node.id;
    return { id, ...(await world.owner.ok(FLAGS, { id })).apiClient };
  };

  it("creates a client allowed to impersonate, shows it on the detail page, and clears it in the edit dialog", async () => {
    await page.goto(`${world.server.url}/organization/${world.organizationId}/api-clients`);
    await page.getByRole("button", { name: "Create client" }).click();
    const dialog = page.getByRole("dialog", { name: "Create client" });
    await dialog.getByLabel("Name", { exact: true }).fill("Forum bot");
    const impersonate = dialog.getByRole("checkbox", { name: "May act as any user without a password" });
    // The warning is the checkbox's description, so a screen reader says it too.
    expect(await impersonate.getAttribute("aria-describedby")).not.toBeNull();
    expect(await dialog.getByText(/naming them only by username or id/).isVisible()).toBe(true);
    await impersonate.check();
    await dialog.getByRole("button", { name: "Create client" }).click();
    const secret = page.getByRole("dialog", { name: "Store the secret now" });
    await secret.getByLabel("I have stored the secret").check();
    await secret.getByRole("button", { name: "Close" }).click();
    await secret.waitFor({ state: "hidden" });

    const created = await flagsOf("Forum bot");
    expect(created).toMatchObject({ allowLogin: false, allowImpersonate: true });

    await page.goto(`${world.server.url}/organization/${world.organizationId}/api-clients/${created.id}`);
    await page.getByText("impersonate any user").waitFor();
    await page.getByRole("button", { name: "Edit" }).click();
    const edit = page.getByRole("dialog", { name: /Forum bot/ });
    const box = edit.getByRole("checkbox", { name: "May act as any user without a password" });
    expect(await box.isChecked()).toBe(true);
    await box.uncheck();
    await edit.getByRole("button", { name: "Save" }).click();
    await edit.waitFor({ state: "hidden" });
    await page.getByText("Not allowed").waitFor();
    expect(await flagsOf("Forum bot")).toMatchObject({ allowLogin: false, allowImpersonate: false });
  });
});
