import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET, LIST } from "../../server/test/support/api-client-queries.js";
import { PHONE, DESKTOP, scrollsSideways } from "./a11y.js";
import { ownerPage, seedClient, startClientsWorld, withinWidth, type ClientsWorld } from "./api-clients-support.js";

/** True when no scroll box inside (a table's, say) hides content sideways: what a phone user would never find. */
function noInnerSidewaysScroll(container: Locator): Promise<boolean> {
  return container.evaluate((root) =>
    [root, ...root.querySelectorAll("*")].every((element) => !["auto", "scroll"].includes(getComputedStyle(element).overflowX) || element.scrollWidth <= element.clientWidth),
  );
}

/** Issue #13's bugs on the API clients screens, each shown in Chromium against the built server. */
describe("API clients screens: issue #13 bugs", () => {
  let world: ClientsWorld;
  let page: Page;

  const listPath = () => `${world.server.url}/organization/${world.organizationId}/api-clients`;
  const clientCount = async () => (await world.owner.ok(LIST, { organizationId: world.organizationId, first: 100 })).apiClients.totalCount as number;

  async function closeSecretDialog(target: Page = page): Promise<void> {
    const dialog = target.getByRole("dialog", { name: "Store the secret now" });
    await dialog.waitFor();
    await dialog.getByLabel("I have stored the secret").check();
    await dialog.getByRole("button", { name: "Close" }).click();
    await dialog.waitFor({ state: "hidden" });
  }

  beforeAll(async () => {
    world = await startClientsWorld();
    page = await ownerPage(world);
  });

  afterAll(async () => {
    await world?.stop();
  });

  it("bug 1: adds an allowed IP typed but not added when the client is created", async () => {
    await page.goto(listPath());
    await page.getByRole("button", { name: "Create client" }).click();
    const dialog = page.getByRole("dialog", { name: "Create client" });
    await dialog.getByLabel("Name", { exact: true }).fill("Typed IP");
    await dialog.getByLabel("Allowed IP addresses: 203.0.113.0/24").fill("127.0.0.1");
    await dialog.getByRole("button", { name: "Create client" }).click();
    await closeSecretDialog();
    const list = await world.owner.ok(LIST, { organizationId: world.organizationId, first: 100, filter: { search: "Typed IP" } });
    const created = await world.owner.ok(GET, { id: list.apiClients.edges[0].node.id });
    expect(created.apiClient.allowedIps).toEqual(["127.0.0.1"]);
  });

  it("bug 1: refuses to create while a typed entry is invalid, saying so at the field", async () => {
    const before = await clientCount();
    await page.getByRole("button", { name: "Create client" }).click();
    const dialog = page.getByRole("dialog", { name: "Create client" });
    await dialog.getByLabel("Name", { exact: true }).fill("Bad typed IP");
    const draft = dialog.getByLabel("Allowed IP addresses: 203.0.113.0/24");
    await draft.fill("10.0.0.0/99");
    await dialog.getByRole("button", { name: "Create client" }).click({ force: true });
    expect(await dialog.getByText("Add this entry or clear it before saving.").isVisible()).toBe(true);
    expect(await draft.evaluate((input) => input === document.activeElement)).toBe(true);
    expect(await clientCount()).toBe(before);
    await draft.fill("");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    const discard = page.getByRole("dialog", { name: "Discard your changes?" });
    await discard.getByRole("button", { name: "Discard" }).click();
    await dialog.waitFor({ state: "hidden" });
  });

  it("bug 1: adds a redirect URL typed but not added when an edit is saved", async () => {
    const client = await seedClient(world, { name: "Typed redirect" });
    await page.goto(`${listPath()}/${client.id}`);
    await page.getByRole("button", { name: "Edit" }).click();
    const dialog = page.getByRole("dialog", { name: /^Edit/ });
    await dialog.getByLabel("Redirect URLs: https://app.example.com/callback").fill("https://app.example.com/done");
    await dialog.getByRole("button", { name: "Save" }).click();
    await dialog.waitFor({ state: "hidden" });
    expect((await world.owner.ok(GET, { id: client.id })).apiClient.redirectUris).toEqual(["https://app.example.com/done"]);
  });

  it("bug 3: shows the final client id, prefix included, as the owner types, and counts the limit on it", async () => {
    await page.goto(listPath());
    await page.getByRole("button", { name: "Create client" }).click();
    const dialog = page.getByRole("dialog", { name: "Create client" });
    const own = dialog.getByLabel("Own client id (optional)");
    await own.fill("reporting-service");
    expect(await dialog.getByText(`${world.slug}.reporting-service`, { exact: true }).isVisible()).toBe(true);
    expect(await dialog.getByText(`${world.slug}.`, { exact: false }).first().isVisible()).toBe(true);
    const max = 64 - (world.slug.length + 1);
    await own.fill("a".repeat(max + 1));
    expect(await dialog.getByText(`The part you choose must be 3–${max} characters long: ${world.slug}. goes before it, and the whole client id is at most 64.`).isVisible()).toBe(true);
    await own.fill("a".repeat(max));
    expect(await dialog.getByText(/The part you choose must be/).count()).toBe(0);
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await page.getByRole("dialog", { name: "Discard your changes?" }).getByRole("button", { name: "Discard" }).click();
  });

  it("bug 5: a copy button without the async clipboard selects the text and says to press Ctrl+C", async () => {
    const plain = await ownerPage(world, "en", async (context) => {
      await context.addInitScript(() => {
        delete (Navigator.prototype as unknown as { clipboard?: unknown }).clipboard;
      });
    });
    const errors: string[] = [];
    plain.on("pageerror", (error) => errors.push(error.message));
    await plain.goto(listPath());
    await plain.getByRole("button", { name: "Create client" }).click();
    const create = plain.getByRole("dialog", { name: "Create client" });
    await create.getByLabel("Name", { exact: true }).fill("No clipboard");
    await create.getByRole("button", { name: "Create client" }).click();
    const dialog = plain.getByRole("dialog", { name: "Store the secret now" });
    await dialog.waitFor();
    const secret = await dialog.getByLabel("Client secret", { exact: true }).inputValue();
    await dialog.getByRole("button", { name: "Copy: Client secret" }).click();
    await dialog.getByText("Press Ctrl+C to copy").waitFor();
    expect(await plain.evaluate(() => window.getSelection()?.toString() || (document.activeElement as HTMLInputElement).value.slice((document.activeElement as HTMLInputElement).selectionStart ?? 0, (document.activeElement as HTMLInputElement).selectionEnd ?? 0))).toBe(secret);
    expect(errors).toEqual([]);
    await closeSecretDialog(plain);
    await plain.context().close();
  });

  it("bug 6: a 100-character unbroken name keeps the list and detail page within the screen, the full name shown", async () => {
    const name = "N".repeat(100);
    const client = await seedClient(world, { name });
    for (const size of [DESKTOP, PHONE]) {
      await page.setViewportSize(size);
      await page.goto(listPath());
      const link = page.getByRole("link", { name: `View details: ${name}` });
      await link.waitFor();
      expect(await scrollsSideways(page)).toBe(false);
      expect(await page.locator(".table-scroll").evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
      expect(await page.getByRole("button", { name: `Delete: ${name}` }).evaluate((button) => button.getBoundingClientRect().right <= window.innerWidth)).toBe(true);
      await page.goto(`${listPath()}/${client.id}`);
      const heading = page.getByRole("heading", { name, level: 1 });
      await heading.waitFor();
      expect(await heading.textContent()).toBe(name);
      expect(await scrollsSideways(page)).toBe(false);
    }
    await page.setViewportSize(DESKTOP);
  });

  it("bug 8: the create and edit dialogs, permission grid included, fit 360 px with every control reachable", async () => {
    const client = await seedClient(world, { name: "Narrow edit" });
    await page.setViewportSize(PHONE);
    await page.goto(listPath());
    await page.getByRole("button", { name: "Create client" }).click();
    const dialog = page.getByRole("dialog", { name: "Create client" });
    await dialog.waitFor();
    expect(await dialog.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
    expect(await noInnerSidewaysScroll(dialog)).toBe(true);
    for (const control of [dialog.getByRole("button", { name: "Unselect all" }), dialog.getByLabel("Flows: Execute"), dialog.getByLabel("Tokens: Introspect")]) {
      expect(await withinWidth(page, control)).toBe(true);
    }
    await dialog.getByLabel("Tokens: Introspect").check();
    expect(await dialog.getByLabel("Tokens: Introspect").isChecked()).toBe(true);
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await page.getByRole("dialog", { name: "Discard your changes?" }).getByRole("button", { name: "Discard" }).click();
    await page.goto(`${listPath()}/${client.id}`);
    await page.getByRole("button", { name: "Edit" }).click();
    const edit = page.getByRole("dialog", { name: "Edit Narrow edit" });
    await edit.waitFor();
    expect(await edit.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
    expect(await noInnerSidewaysScroll(edit)).toBe(true);
    expect(await withinWidth(page, edit.getByLabel("Flows: Execute"))).toBe(true);
    await page.keyboard.press("Escape");
    await edit.waitFor({ state: "hidden" });
    await page.setViewportSize(DESKTOP);
  });

  it("bug 8: the client list shows every field and action of a row within 360 px", async () => {
    await page.setViewportSize(PHONE);
    await page.goto(listPath());
    const row = page.getByRole("row", { name: /Narrow edit/ });
    await row.waitFor();
    expect(await scrollsSideways(page)).toBe(false);
    expect(await noInnerSidewaysScroll(page.locator("main"))).toBe(true);
    for (const control of [row.getByText("Reader"), row.getByText("Never used"), row.getByRole("button", { name: "Reset secret: Narrow edit" }), row.getByRole("button", { name: "Delete: Narrow edit" })]) {
      expect(await withinWidth(page, control)).toBe(true);
    }
    await page.setViewportSize(DESKTOP);
  });
});
