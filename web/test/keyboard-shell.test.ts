import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppFixture, OWNER } from "./app-fixture.js";
import { screenshotPath } from "./browser.js";

const MEMBERS = `query($organizationId: ID!) { members(organizationId: $organizationId) { email } }`;
const INVITATIONS = `query($organizationId: ID!) { invitations(organizationId: $organizationId) { email } }`;
const LEAVING = { email: "rita@acme.test", name: "Rita Leaving", password: "leaving password 1" };

interface Focused {
  name: string;
  tag: string;
  /** :focus-visible matches and an outline is drawn. */
  visible: boolean;
}

/** The focused element, named as a screen reader would roughly name it. */
function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (element === null || element === document.body) return { name: "", tag: "body", visible: false };
    const labels = (element as HTMLInputElement).labels;
    const name = element.getAttribute("aria-label") ?? (labels != null && labels.length > 0 ? labels[0].textContent : element.textContent) ?? "";
    const style = getComputedStyle(element);
    const visible = element.matches(":focus-visible") && style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2;
    return { name: name.trim(), tag: element.tagName.toLowerCase(), visible };
  });
}

/**
 * Presses Tab (or Shift+Tab) until the element named `name` has focus, as someone without a mouse
 * would, and checks that they can see where focus is. Bounded by a count, not by time.
 */
async function tabTo(page: Page, name: string, options: { backwards?: boolean; tag?: string } = {}): Promise<void> {
  const seen: string[] = [];
  for (let presses = 0; presses <= 40; presses++) {
    const now = await focused(page);
    if (now.name === name && (options.tag === undefined || now.tag === options.tag)) {
      expect(now.visible, `focus on "${name}" is visible`).toBe(true);
      return;
    }
    seen.push(`${now.tag} "${now.name}"`);
    await page.keyboard.press(options.backwards === true ? "Shift+Tab" : "Tab");
  }
  throw new Error(`"${name}" never got focus; went through ${seen.join(", ")}`);
}

describe("the admin app with the keyboard only", () => {
  const app = new AppFixture();
  let page: Page;

  beforeAll(async () => {
    await app.start();
    await app.addMember(LEAVING);
    page = await app.newPage();
  });
  afterAll(() => app.stop());

  it("signs in with Tab, typing and Enter", async () => {
    await page.goto(app.url("/"));
    await page.getByRole("heading", { name: "Sign in to Clavis" }).waitFor();
    await tabTo(page, "E-mail");
    await page.keyboard.type(OWNER.email);
    await tabTo(page, "Password");
    await page.keyboard.type(OWNER.password);
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Overview", level: 1 }).waitFor();
  });

  it("skips to the content, and moves through the shell's navigation with Tab and Enter, focus following to the new screen", async () => {
    await tabTo(page, "Skip to content");
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("content");
    await tabTo(page, "Members", { backwards: true, tag: "a" });
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Members", level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/organization/${app.organizationId}/members`);
    // Focus moves to the new screen's content, so the next Tab goes into it.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("content");
  });

  it("invites a member: fills the form, ticks the link dialog with Space, closes it with Enter", async () => {
    await tabTo(page, "E-mail");
    await page.keyboard.type("kim@new.test");
    await tabTo(page, "Invite member", { tag: "button" });
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "Pass on the invitation link" });
    await dialog.waitFor();
    // Until the link is stored, Escape does not throw it away.
    await page.keyboard.press("Escape");
    expect(await dialog.isVisible()).toBe(true);
    await tabTo(page, "I have copied the link");
    await page.keyboard.press("Space");
    expect(await dialog.getByLabel("I have copied the link").isChecked()).toBe(true);
    await tabTo(page, "Close");
    await page.screenshot({ path: screenshotPath("keyboard-link-dialog-en-1280") });
    await page.keyboard.press("Enter");
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect((await app.owner.ok(INVITATIONS, { organizationId: app.organizationId })).invitations).toEqual([{ email: "kim@new.test" }]);
  });

  it("removes a member: Escape keeps them, Tab to Remove and Enter removes them", async () => {
    await tabTo(page, `Remove: ${LEAVING.email}`, { backwards: true });
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: `Remove ${LEAVING.name}?` });
    await dialog.waitFor();
    await page.keyboard.press("Escape");
    await expect.poll(() => dialog.isVisible()).toBe(false);
    const members = async () => (await app.owner.ok(MEMBERS, { organizationId: app.organizationId })).members.map((m: { email: string }) => m.email).sort();
    expect(await members()).toEqual([OWNER.email, LEAVING.email]);

    await tabTo(page, `Remove: ${LEAVING.email}`, { backwards: true });
    await page.keyboard.press("Enter");
    await dialog.waitFor();
    await tabTo(page, "Remove", { tag: "button" });
    await page.screenshot({ path: screenshotPath("keyboard-remove-confirm-en-1280") });
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByRole("cell", { name: LEAVING.email }).count()).toBe(0);
    expect(await members()).toEqual([OWNER.email]);
  });
});
