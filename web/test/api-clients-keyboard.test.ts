import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET, LIST } from "../../server/test/support/api-client-queries.js";
import { ownerPage, startClientsWorld, type ClientsWorld } from "./api-clients-support.js";

/** The focused element's accessible name, near enough: aria-label, its label, or its text. */
function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement as (HTMLElement & { labels?: NodeListOf<HTMLLabelElement> }) | null;
    if (element === null || element === document.body) return "";
    return (element.getAttribute("aria-label") ?? element.labels?.[0]?.textContent ?? element.textContent ?? "").trim();
  });
}

/** Presses Tab (or Shift+Tab) until the named control has focus; fails after 60 presses. */
async function tabTo(page: Page, name: string, key: "Tab" | "Shift+Tab" = "Tab"): Promise<void> {
  for (let presses = 0; presses < 60; presses++) {
    if ((await focusedName(page)) === name) return;
    await page.keyboard.press(key);
  }
  throw new Error(`no focusable control named "${name}" within 60 presses of ${key}`);
}

describe("API clients by keyboard alone", () => {
  let world: ClientsWorld;
  let page: Page;

  beforeAll(async () => {
    world = await startClientsWorld();
    page = await ownerPage(world);
  });

  afterAll(async () => {
    await world?.stop();
  });

  async function storeSecret(): Promise<void> {
    const dialog = page.getByRole("dialog", { name: "Store the secret now" });
    await dialog.waitFor();
    await tabTo(page, "I have stored the secret");
    await page.keyboard.press("Space");
    await page.keyboard.press("Tab");
    expect(await focusedName(page)).toBe("Close");
    await page.keyboard.press("Enter");
    await dialog.waitFor({ state: "hidden" });
  }

  it("creates a client, stores the secret, edits, discards an edit, resets and deletes with Tab, Shift+Tab, Enter, Space and Escape", async () => {
    await page.getByRole("navigation").getByRole("link", { name: "API clients" }).waitFor();
    await tabTo(page, "API clients");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "No API clients yet" }).waitFor();

    await tabTo(page, "Create client");
    await page.keyboard.press("Enter");
    const create = page.getByRole("dialog", { name: "Create client" });
    await create.waitFor();
    await tabTo(page, "Name");
    await page.keyboard.type("Keyboard client");
    await tabTo(page, "Allowed IP addresses: 203.0.113.0/24");
    await page.keyboard.type("127.0.0.1");
    await tabTo(page, "Create client");
    await page.keyboard.press("Enter");
    await storeSecret();
    expect(await focusedName(page)).toBe("Create client");

    const list = await world.owner.ok(LIST, { organizationId: world.organizationId, first: 10 });
    const id = list.apiClients.edges[0].node.id as string;
    const before = (await world.owner.ok(GET, { id })).apiClient;
    expect(before.allowedIps).toEqual(["127.0.0.1"]);

    await tabTo(page, "View details: Keyboard client");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Keyboard client", level: 1 }).waitFor();

    await tabTo(page, "Edit");
    await page.keyboard.press("Enter");
    const edit = page.getByRole("dialog", { name: "Edit Keyboard client" });
    await edit.waitFor();
    await tabTo(page, "Description / notes");
    await page.keyboard.type("Edited by keyboard");
    await tabTo(page, "Save");
    await page.keyboard.press("Enter");
    await edit.waitFor({ state: "hidden" });
    expect(await focusedName(page)).toBe("Edit");
    expect((await world.owner.ok(GET, { id })).apiClient.description).toBe("Edited by keyboard");

    await page.keyboard.press("Enter");
    await edit.waitFor();
    await tabTo(page, "Name");
    await page.keyboard.type(" (draft)");
    await page.keyboard.press("Escape");
    const discard = page.getByRole("dialog", { name: "Discard your changes?" });
    await discard.waitFor();
    await tabTo(page, "Discard");
    await page.keyboard.press("Enter");
    await edit.waitFor({ state: "hidden" });
    expect(await focusedName(page)).toBe("Edit");
    expect((await world.owner.ok(GET, { id })).apiClient.name).toBe("Keyboard client");

    await tabTo(page, "Reset secret");
    await page.keyboard.press("Enter");
    const reset = page.getByRole("dialog", { name: "Reset the secret of Keyboard client?" });
    await reset.waitFor();
    // The grace period is a radio group, whose choices arrow keys move between: the default (none) stays.
    expect(await reset.getByLabel("No time: it stops now, with its tokens").isChecked()).toBe(true);
    await tabTo(page, "Reset secret");
    await page.keyboard.press("Enter");
    await storeSecret();
    expect(await focusedName(page)).toBe("Reset secret");
    expect((await world.owner.ok(GET, { id })).apiClient.secretHint).not.toBe(before.secretHint);

    await tabTo(page, "Delete");
    await page.keyboard.press("Enter");
    const remove = page.getByRole("dialog", { name: "Delete Keyboard client?" });
    await remove.waitFor();
    await tabTo(page, "Delete");
    await page.keyboard.press("Shift+Tab");
    expect(await focusedName(page)).toBe("Cancel");
    await tabTo(page, "Delete");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "No API clients yet" }).waitFor();
    expect((await world.owner.request(GET, { id })).errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });
});
