import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../server/test/support/free-port.js";
import { ROOT, startServerProcess, type ServerProcess } from "../../server/test/support/server-process.js";
import { createTestDatabase, type TestDatabase } from "../../server/test/support/test-database.js";
import { launchChromium } from "./browser.js";

const OWNER = { organization: "Policy AB", name: "Petra Policy", email: "petra@policy.test", password: "Zq7#lantern-Osprey-2290" };

declare global {
  interface Window {
    cspViolations: string[];
  }
}

describe("the admin app under its Content-Security-Policy", () => {
  let db: TestDatabase;
  let server: ServerProcess;
  let browser: Browser;
  let page: Page;
  const refusals: string[] = [];

  const violations = async () => [...refusals, ...(await page.evaluate(() => window.cspViolations))];

  beforeAll(async () => {
    db = await createTestDatabase("sqlite");
    server = await startServerProcess({ DATABASE_URL: db.url, CLAVIS_WEB_DIST: `${ROOT}web/dist`, LOG_LEVEL: "warn" }, await freePort());
    browser = await launchChromium();
    page = await (await browser.newContext({ locale: "en-GB" })).newPage();
    // Chromium reports every blocked script, style or connection both as an event and on the console.
    await page.addInitScript(() => {
      window.cspViolations = [];
      document.addEventListener("securitypolicyviolation", (event) => window.cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`));
    });
    page.on("console", (message) => {
      if (/content security policy/i.test(message.text())) refusals.push(message.text());
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await db?.drop();
  });

  it("signs up through setup and shows the organization without a policy violation", async () => {
    const response = await page.goto(server.url);
    expect(response?.headers()["content-security-policy"]).toContain("script-src 'self'");
    await page.getByRole("heading", { name: "Set up Clavis" }).waitFor();
    await page.getByLabel("Organization name").fill(OWNER.organization);
    await page.getByLabel("Your name").fill(OWNER.name);
    await page.getByLabel("E-mail").fill(OWNER.email);
    await page.getByLabel("Password", { exact: true }).fill(OWNER.password);
    await page.getByLabel("Password again").fill(OWNER.password);
    await page.getByRole("button", { name: "Create organization" }).click();
    await page.getByRole("heading", { name: "Overview" }).waitFor();
    await page.getByRole("link", { name: "API clients" }).click();
    await page.getByRole("button", { name: "Create client" }).click();
    await page.getByRole("dialog", { name: "Create client" }).waitFor();
    await page.keyboard.press("Escape");
    await page.getByRole("link", { name: "Audit trail" }).click();
    await page.getByRole("heading", { name: "Audit trail" }).waitFor();
    await page.reload();
    await page.getByRole("heading", { name: "Audit trail" }).waitFor();
    expect(await violations()).toEqual([]);
  });

  it("would see a violation: an injected inline script is refused and reported", async () => {
    await page.evaluate(() => {
      const script = document.createElement("script");
      script.textContent = "window.injected = true";
      document.body.append(script);
    });
    await expect.poll(async () => (await violations()).length).toBeGreaterThan(0);
    expect(await page.evaluate(() => (window as unknown as { injected?: boolean }).injected)).toBeUndefined();
  });
});
