import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET, LIST } from "../../server/test/support/api-client-queries.js";
import { runCli } from "../../server/test/support/run-cli.js";
import { DESKTOP, PHONE } from "./a11y.js";
import { expireClient, ownerPage, seedClient, startClientsWorld, type ClientsWorld } from "./api-clients-support.js";

/** What issue #13 expects of a console like this, on the API clients screens. */
describe("API clients screens: what issue #13 expects", () => {
  let world: ClientsWorld;
  let page: Page;
  const listPath = () => `${world.server.url}/organization/${world.organizationId}/api-clients`;
  const isFocused = (locator: Locator) => locator.evaluate((element) => element === document.activeElement);

  async function closeSecretDialog(): Promise<void> {
    const dialog = page.getByRole("dialog", { name: "Store the secret now" });
    await dialog.waitFor();
    await dialog.getByLabel("I have stored the secret").check();
    await dialog.getByRole("button", { name: "Close" }).click();
    await dialog.waitFor({ state: "hidden" });
  }

  /** Boxes that share any area. */
  async function overlaps(a: Locator, b: Locator): Promise<boolean> {
    const [x, y] = [await a.boundingBox(), await b.boundingBox()];
    if (x === null || y === null) return false;
    return x.x < y.x + y.width && y.x < x.x + x.width && x.y < y.y + y.height && y.y < x.y + x.height;
  }

  beforeAll(async () => {
    world = await startClientsWorld();
    page = await ownerPage(world);
  });

  afterAll(async () => {
    await world?.stop();
  });

  it("resets a secret from a list row, the toast clear of the row, and focus back on the row's button", async () => {
    await seedClient(world, { name: "Row reset", description: "Contact: Åsa Öberg" });
    for (const size of [DESKTOP, PHONE]) {
      await page.setViewportSize(size);
      await page.goto(listPath());
      const row = page.getByRole("row", { name: /Row reset/ });
      await row.getByText("Contact: Åsa Öberg").waitFor();
      const reset = row.getByRole("button", { name: "Reset secret: Row reset" });
      await reset.click();
      const dialog = page.getByRole("dialog", { name: "Reset the secret of Row reset?" });
      const confirm = dialog.getByRole("button", { name: "Reset secret" });
      expect(await confirm.getAttribute("class")).toContain("button-danger");
      await dialog.getByLabel("1 hour").check();
      expect(await confirm.getAttribute("class")).not.toContain("button-danger");
      await confirm.click();
      await closeSecretDialog();
      expect(await isFocused(reset)).toBe(true);
      const toast = page.locator(".toast", { hasText: "Secret reset" });
      await toast.waitFor();
      expect(await overlaps(toast, reset)).toBe(false);
      expect(await overlaps(toast, row)).toBe(false);
      await toast.waitFor({ state: "detached" });
    }
    await page.setViewportSize(DESKTOP);
  });

  it("deletes from a list row with a danger button, and puts focus on the page heading", async () => {
    const client = await seedClient(world, { name: "Row delete" });
    await page.goto(listPath());
    const remove = page.getByRole("button", { name: "Delete: Row delete" });
    expect(await remove.getAttribute("class")).toContain("button-danger");
    await remove.click();
    const dialog = page.getByRole("dialog", { name: "Delete Row delete?" });
    await dialog.getByRole("button", { name: "Delete" }).click();
    await page.getByRole("row", { name: /Row delete/ }).waitFor({ state: "detached" });
    await expect.poll(() => isFocused(page.getByRole("heading", { name: "API clients", level: 1 }))).toBe(true);
    expect((await world.owner.request(GET, { id: client.id })).errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });

  it("asks before Escape or Cancel throws away a filled-in form, and closes an untouched one at once", async () => {
    await page.goto(listPath());
    const opener = page.getByRole("button", { name: "Create client" });
    await opener.click();
    const dialog = page.getByRole("dialog", { name: "Create client" });
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    expect(await isFocused(opener)).toBe(true);

    await opener.click();
    await dialog.getByLabel("Name", { exact: true }).fill("Half-typed");
    await page.keyboard.press("Escape");
    const discard = page.getByRole("dialog", { name: "Discard your changes?" });
    await discard.getByRole("button", { name: "Keep editing" }).click();
    await discard.waitFor({ state: "hidden" });
    expect(await dialog.getByLabel("Name", { exact: true }).inputValue()).toBe("Half-typed");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await discard.getByRole("button", { name: "Discard" }).click();
    await dialog.waitFor({ state: "hidden" });
    expect(await isFocused(opener)).toBe(true);
  });

  it("titles the edit dialog with the client's name and shows what cannot change, and why", async () => {
    const client = await seedClient(world, { name: "Fixed facts", scopes: ["blogs", "flows"], environment: "STAGING" });
    await page.goto(`${listPath()}/${client.id}`);
    await page.getByText("Blogs, Flows", { exact: true }).waitFor();
    const edit = page.getByRole("button", { name: "Edit" });
    await edit.click();
    const dialog = page.getByRole("dialog", { name: "Edit Fixed facts" });
    const fixed = dialog.getByRole("region", { name: "Fixed when the client was created" });
    await fixed.waitFor();
    expect(await fixed.getByText(client.clientId).isVisible()).toBe(true);
    expect(await fixed.getByText("Staging").isVisible()).toBe(true);
    expect(await fixed.getByText("Blogs, Flows").isVisible()).toBe(true);
    expect(await fixed.getByText(/To change them, create a new client/).isVisible()).toBe(true);
    await dialog.getByLabel("Description / notes").fill("Changed notes");
    await dialog.getByRole("button", { name: "Save" }).click();
    await dialog.waitFor({ state: "hidden" });
    expect(await isFocused(edit)).toBe(true);
    const toast = page.locator(".toast", { hasText: "Saved" });
    await toast.waitFor();
    expect(await overlaps(toast, edit)).toBe(false);
  });

  it("offers no reset for an expired client and says to create a new one", async () => {
    const client = await seedClient(world, { name: "Long gone" });
    await expireClient(world, client.id);
    await page.goto(listPath());
    const row = page.getByRole("row", { name: /Long gone/ });
    await row.waitFor();
    expect(await row.getByRole("button", { name: /Reset secret/ }).count()).toBe(0);
    await row.getByText("Expired: create a new client").waitFor();
    await page.goto(`${listPath()}/${client.id}`);
    await page.getByText("An expired client cannot be renewed: create a new client instead.").waitFor();
    expect(await page.getByRole("button", { name: "Reset secret" }).count()).toBe(0);
  });

  it("shows security best practices on the page and in the secret dialog, and the token lifetime in words", async () => {
    await page.goto(listPath());
    const tips = page.getByRole("region", { name: "Security best practices" });
    await tips.getByText("Never share a client secret or commit it to source control.").waitFor();
    await page.getByText("Access tokens are valid for 1 hour.").waitFor();
    await page.getByRole("button", { name: "Create client" }).click();
    const create = page.getByRole("dialog", { name: "Create client" });
    await create.getByLabel("Name", { exact: true }).fill("Tips");
    await create.getByRole("button", { name: "Create client" }).click();
    const secret = page.getByRole("dialog", { name: "Store the secret now" });
    await secret.getByRole("region", { name: "Security best practices" }).getByText("Try a secret reset on Staging before Live.").waitFor();
    await closeSecretDialog();
  });

  it("says the token lifetime in Swedish too", async () => {
    const swedish = await ownerPage(world, "sv");
    await swedish.goto(listPath());
    await swedish.getByText("Åtkomsttoken gäller i 1 timme.").waitFor();
    await swedish.context().close();
  });

  it("disables Create client at the organization's limit and says why", async () => {
    const count = (await world.owner.ok(LIST, { organizationId: world.organizationId, first: 1 })).apiClients.totalCount as number;
    expect((await runCli(["org", "update", "--id", world.organizationId, "--max-clients", String(count)], { DATABASE_URL: world.db.url })).code).toBe(0);
    await page.goto(listPath());
    const create = page.getByRole("button", { name: "Create client" });
    await page.getByText(`This organization has reached its limit of ${count} API clients.`, { exact: false }).waitFor();
    expect(await create.isDisabled()).toBe(true);
    expect(await create.getAttribute("aria-describedby")).toBe("client-limit-reason");
  });
});
