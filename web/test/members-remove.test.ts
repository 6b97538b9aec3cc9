import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppFixture } from "./app-fixture.js";
import { screenshotPath } from "./browser.js";

const MEMBERS = `query($organizationId: ID!) { members(organizationId: $organizationId) { email } }`;

// Issue #13 bug 7: Remove acted at once, with no confirmation.
describe("removing a member in the admin app", () => {
  const app = new AppFixture();
  const removeButton = (page: Page) => page.getByRole("row", { name: /vera@acme\.test/ }).getByRole("button", { name: /Remove/ });
  const memberEmails = async () => (await app.owner.ok(MEMBERS, { organizationId: app.organizationId })).members.map((m: { email: string }) => m.email).sort();

  beforeAll(async () => {
    await app.start();
    await app.addMember({ email: "vera@acme.test", name: "Vera Viewer", password: "viewer password 1" });
  });
  afterAll(() => app.stop());

  it("asks for a confirmation that names the person, removes nobody on Cancel, and removes them on Remove", async () => {
    const page = await app.newPage({ session: app.owner });
    await page.goto(app.url(`/organization/${app.organizationId}/members`));
    await removeButton(page).click();
    const dialog = page.getByRole("dialog", { name: "Remove Vera Viewer?" });
    await dialog.waitFor({ timeout: 10_000 });
    expect(await dialog.getByText("Vera Viewer (vera@acme.test) loses access to Acme AB at once.", { exact: false }).isVisible()).toBe(true);
    await page.screenshot({ path: screenshotPath("bug7-remove-confirm-en-1280"), fullPage: true });
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(await memberEmails()).toEqual(["olga@acme.test", "vera@acme.test"]);

    await removeButton(page).click();
    await page.keyboard.press("Escape");
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(await memberEmails()).toEqual(["olga@acme.test", "vera@acme.test"]);

    await removeButton(page).click();
    await dialog.getByRole("button", { name: "Remove", exact: true }).click();
    await page.getByText("Removed vera@acme.test").waitFor();
    await expect.poll(() => removeButton(page).count()).toBe(0);
    expect(await memberEmails()).toEqual(["olga@acme.test"]);
  });
});
