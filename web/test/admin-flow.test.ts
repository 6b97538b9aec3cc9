import Database from "better-sqlite3";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../server/test/support/free-port.js";
import { basic, postForm } from "../../server/test/support/oauth-http.js";
import { ROOT, startServerProcess, type ServerProcess } from "../../server/test/support/server-process.js";
import { createTestDatabase, type TestDatabase } from "../../server/test/support/test-database.js";
import { runCli } from "../../server/test/support/run-cli.js";
import { launchChromium, screenshotPath } from "./browser.js";

const OWNER = { organization: "Acme AB", name: "Olga Owner", email: "olga@acme.test", password: "correct horse battery" };
const VIEWER = { email: "vera@acme.test", password: "viewer password 1" };

describe("the admin app in Chromium", () => {
  let db: TestDatabase;
  let server: ServerProcess;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let organizationId: string;
  let client: { clientId: string; secret: string };

  const token = (clientId: string, secret: string) => postForm(server.url, "/token", { grant_type: "client_credentials" }, { authorization: basic(clientId, secret) });
  const shot = (name: string) => page.screenshot({ path: screenshotPath(name), fullPage: true });

  /** Reads the secret dialog, checks it cannot close before "stored" is ticked, closes it. */
  async function takeSecret(screenshot?: string): Promise<{ clientId: string; secret: string }> {
    const dialog = page.getByRole("dialog", { name: "Store the secret now" });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    if (screenshot !== undefined) await shot(screenshot);
    const clientId = await dialog.getByLabel("Client id", { exact: true }).inputValue();
    const secret = await dialog.getByLabel("Client secret", { exact: true }).inputValue();
    const close = dialog.getByRole("button", { name: "Close" });
    expect(await close.isDisabled()).toBe(true);
    await page.keyboard.press("Escape");
    expect(await dialog.isVisible()).toBe(true);
    await dialog.getByRole("button", { name: "Copy: Client secret" }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
    await dialog.getByLabel("I have stored the secret").check();
    await close.click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    return { clientId, secret };
  }

  beforeAll(async () => {
    db = await createTestDatabase("sqlite");
    const port = await freePort();
    // The issuer is where invitation links point: the address the browser uses.
    server = await startServerProcess({ DATABASE_URL: db.url, CLAVIS_WEB_DIST: `${ROOT}web/dist`, LOG_LEVEL: "warn", CLAVIS_ISSUER: `http://127.0.0.1:${port}` }, port);
    browser = await launchChromium();
    context = await browser.newContext({ locale: "en-GB", viewport: { width: 1280, height: 900 } });
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url });
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await db?.drop();
  });

  it("sets up the first organization and owner on first run", async () => {
    await page.goto(server.url);
    await page.getByRole("heading", { name: "Set up Clavis" }).waitFor();
    await shot("01-setup");
    await page.getByLabel("Organization name").fill(OWNER.organization);
    await page.getByLabel("Your name").fill(OWNER.name);
    await page.getByLabel("E-mail").fill(OWNER.email);
    await page.getByLabel("Password", { exact: true }).fill(OWNER.password);
    await page.getByLabel("Password again").fill(OWNER.password);
    await page.getByRole("button", { name: "Create organization" }).click();
    await page.getByRole("heading", { name: "Overview" }).waitFor();
    organizationId = /\/organization\/([0-9a-f-]{36})$/.exec(page.url())?.[1] ?? "";
    expect(organizationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await page.getByLabel("Organization id", { exact: true }).inputValue()).toBe(organizationId);
    expect(await page.getByText("0 of 10 API clients").isVisible()).toBe(true);
    await shot("02-overview");
  });

  it("explains API clients when there are none, and creates one with the permission grid", async () => {
    await page.getByRole("link", { name: "API clients" }).click();
    await page.getByRole("heading", { name: "No API clients yet" }).waitFor();
    await shot("03-api-clients-empty");
    await page.getByRole("button", { name: "Create client" }).click();
    const dialog = page.getByRole("dialog", { name: "Create client" });
    await dialog.getByLabel("Name", { exact: true }).fill("Reporting service");
    await dialog.getByLabel("Description / notes").fill("Nightly reports");
    expect(await dialog.getByLabel("Expiry date").inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await dialog.getByRole("button", { name: "Unselect all" }).click();
    await dialog.getByLabel("Blogs: Change").check();
    expect(await dialog.getByLabel("Blogs: View").isChecked()).toBe(true);
    await dialog.getByLabel("API clients: View").check();
    await dialog.getByLabel("Allowed IP addresses: 203.0.113.0/24").fill("10.0.0.0/99");
    expect(await dialog.getByText("“10.0.0.0/99” has a prefix length outside 0–32.").isVisible()).toBe(true);
    await dialog.getByLabel("Allowed IP addresses: 203.0.113.0/24").fill("");
    await shot("04-create-dialog");
    await dialog.getByRole("button", { name: "Create client" }).click();
    client = await takeSecret("05-secret-dialog");
    expect(client.secret).toMatch(/^clv_live_/);
    await page.getByRole("link", { name: "View details: Reporting service" }).waitFor();
    await shot("06-api-clients-list");
  });

  it("the shown secret works against /token", async () => {
    const response = await token(client.clientId, client.secret);
    expect(response.status).toBe(200);
    expect(response.body?.scope).toBe("blogs.read blogs.write api-clients.read");
  });

  it("resets the secret at once, then with a grace period", async () => {
    await page.getByRole("link", { name: "View details: Reporting service" }).click();
    await page.getByRole("heading", { name: "Reporting service" }).waitFor();
    await shot("07-details");
    await page.getByRole("button", { name: "Reset secret" }).click();
    await page.getByRole("dialog", { name: "Reset the secret of Reporting service?" }).getByRole("button", { name: "Reset secret" }).click();
    const first = await takeSecret();
    expect(first.clientId).toBe(client.clientId);
    expect((await token(client.clientId, client.secret)).status).toBe(401);
    expect((await token(client.clientId, first.secret)).status).toBe(200);

    await page.getByRole("button", { name: "Reset secret" }).click();
    const confirm = page.getByRole("dialog", { name: "Reset the secret of Reporting service?" });
    await confirm.getByLabel("1 hour").check();
    await confirm.getByRole("button", { name: "Reset secret" }).click();
    const second = await takeSecret();
    expect((await token(client.clientId, first.secret)).status).toBe(200);
    expect((await token(client.clientId, second.secret)).status).toBe(200);
    await page.getByText("Previous secret").waitFor();
    client = second;
  });

  it("edits permissions", async () => {
    await page.getByRole("button", { name: "Edit" }).click();
    const dialog = page.getByRole("dialog", { name: "Edit" });
    await dialog.getByLabel("Blogs: View").uncheck();
    expect(await dialog.getByLabel("Blogs: Change").isChecked()).toBe(false);
    await dialog.getByLabel("Flows: Execute").check();
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await page.getByText("flows.execute").waitFor();
    expect(await page.getByText("blogs.write").count()).toBe(0);
    expect((await token(client.clientId, client.secret)).body?.scope).toBe("flows.read flows.execute api-clients.read");
  });

  it("deletes after a confirmation that names the client", async () => {
    await page.getByRole("button", { name: "Delete" }).click();
    const dialog = page.getByRole("dialog", { name: "Delete Reporting service?" });
    expect(await dialog.getByText(`Reporting service (${client.clientId}) is deleted for good.`, { exact: false }).isVisible()).toBe(true);
    await shot("08-delete-confirm");
    await dialog.getByRole("button", { name: "Delete" }).click();
    await page.getByRole("heading", { name: "No API clients yet" }).waitFor();
    expect((await token(client.clientId, client.secret)).status).toBe(401);
  });

  it("shows each step in the audit trail", async () => {
    await page.getByRole("link", { name: "Audit trail" }).click();
    await page.getByRole("heading", { name: "Audit trail" }).waitFor();
    await page.getByText("Deleted API client").waitFor();
    for (const action of ["Created API client", "Reset secret", "Changed permissions", "Deleted API client"]) {
      expect(await page.getByRole("list", { name: "Audit trail" }).getByText(action).count()).toBeGreaterThan(0);
    }
    await shot("09-audit-trail");
  });

  it("reloads on any screen and switches to Swedish", async () => {
    await page.reload();
    await page.getByRole("heading", { name: "Audit trail" }).waitFor();
    await page.getByLabel("Language").selectOption("sv");
    await page.getByRole("heading", { name: "Händelselogg" }).waitFor();
    await page.getByRole("link", { name: "Översikt" }).click();
    expect(await page.getByLabel("Organisations-id", { exact: true }).inputValue()).toBe(organizationId);
    await page.getByRole("link", { name: "API-klienter" }).click();
    await page.getByRole("button", { name: "Skapa klient" }).first().waitFor();
    await shot("10-swedish");
    await page.getByLabel("Språk").selectOption("en");
  });

  it("invites a viewer, who joins through the link and sees everything without actions", async () => {
    await page.getByRole("link", { name: "API clients" }).click();
    await page.getByRole("button", { name: "Create client" }).click();
    const dialog = page.getByRole("dialog", { name: "Create client" });
    await dialog.getByLabel("Name", { exact: true }).fill("Visible to viewers");
    await dialog.getByRole("button", { name: "Create client" }).click();
    await takeSecret();
    await page.getByRole("link", { name: "Members" }).click();
    await page.getByLabel("E-mail").fill(VIEWER.email);
    await page.getByRole("button", { name: "Invite member" }).click();
    const linkDialog = page.getByRole("dialog", { name: "Pass on the invitation link" });
    await linkDialog.waitFor();
    const link = await linkDialog.getByLabel("Invitation link", { exact: true }).inputValue();
    expect(link).toMatch(new RegExp(`^${server.url}/invitation/clvinv_[A-Za-z0-9_-]{43}$`));
    await linkDialog.getByLabel("I have copied the link").check();
    await linkDialog.getByRole("button", { name: "Close" }).click();
    await page.getByRole("button", { name: `Withdraw: ${VIEWER.email}` }).waitFor();
    // The invitee opens the link in a browser of their own, creates the account and is a member.
    const invitee = await browser.newContext({ locale: "en-GB", viewport: { width: 1280, height: 900 } });
    try {
      const inviteePage = await invitee.newPage();
      await inviteePage.goto(link);
      await inviteePage.getByRole("heading", { name: "Join Acme AB" }).waitFor();
      await inviteePage.getByLabel("Your name").fill("Vera Viewer");
      await inviteePage.getByLabel("Password", { exact: true }).fill(VIEWER.password);
      await inviteePage.getByLabel("Password again").fill(VIEWER.password);
      await inviteePage.getByRole("button", { name: "Create account and join" }).click();
      await inviteePage.getByRole("heading", { name: "Overview" }).waitFor();
    } finally {
      await invitee.close();
    }
    await page.reload();
    await page.getByRole("cell", { name: "Vera Viewer" }).waitFor();
    expect(await page.getByText("No pending invitations.").isVisible()).toBe(true);
    await shot("11-members");
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("heading", { name: "Sign in to Clavis" }).waitFor();
    await page.getByLabel("E-mail").fill(VIEWER.email);
    await page.getByLabel("Password").fill(VIEWER.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Overview" }).waitFor();
    await page.getByRole("link", { name: "API clients" }).click();
    await page.getByRole("link", { name: "View details: Visible to viewers" }).waitFor();
    expect(await page.getByRole("button", { name: "Create client" }).count()).toBe(0);
    await page.getByRole("link", { name: "View details: Visible to viewers" }).click();
    await page.getByRole("heading", { name: "Visible to viewers" }).waitFor();
    for (const action of ["Edit", "Reset secret", "Delete"]) expect(await page.getByRole("button", { name: action }).count()).toBe(0);
    await shot("12-viewer-details");
  });

  it("filters, greys out an expired client with a warning, and follows back and forward", async () => {
    const sqlite = new Database(db.url.slice("sqlite:".length));
    // The API takes only future expiry dates, so the past is written directly, and the
    // organization's clients etag moved as every write through Clavis moves it.
    sqlite.prepare("UPDATE api_clients SET expires_at = '2020-01-01 00:00:00.000' WHERE name = ?").run("Visible to viewers");
    sqlite.prepare("UPDATE organizations SET clients_etag = ? WHERE id = ?").run(crypto.randomUUID(), organizationId);
    sqlite.close();
    await page.getByRole("navigation").getByRole("link", { name: "API clients" }).click();
    await page.reload();
    const row = page.getByRole("row", { name: /Visible to viewers/ });
    await row.waitFor();
    expect(await row.getAttribute("class")).toBe("expired");
    expect(await row.getByTitle("This client has expired: its integrations can no longer get tokens.").isVisible()).toBe(true);
    await page.getByLabel("Filter by name, client id or notes").fill("no such client");
    await page.getByText("No client matches the filter.").waitFor();
    await page.getByLabel("Filter by name, client id or notes").fill("visible");
    await row.waitFor();
    await page.getByRole("navigation").getByRole("link", { name: "Audit trail" }).click();
    await page.getByRole("heading", { name: "Audit trail" }).waitFor();
    await page.goBack();
    await page.getByRole("heading", { name: "API clients" }).waitFor();
    await page.goForward();
    await page.getByRole("heading", { name: "Audit trail" }).waitFor();
  });

  it("switches organizations, says when API clients are off, and filters the audit trail by client", async () => {
    const env = { DATABASE_URL: db.url };
    const beta = JSON.parse((await runCli(["org", "create", "--name", "Beta", "--api-clients", "off", "--format", "json"], env)).stdout);
    // The viewer's account was made through an invitation link: the operator vouches for it.
    expect((await runCli(["user", "create", "--email", VIEWER.email, "--org", beta.id, "--role", "viewer", "--allow-link-account", "--format", "json"], env)).code).toBe(0);
    await page.reload();
    await page.getByLabel("Organization", { exact: true }).selectOption(beta.id);
    await page.getByText("API clients are switched off for this organization.").waitFor();
    expect(page.url()).toBe(`${server.url}/organization/${beta.id}`);
    await page.getByRole("navigation").getByRole("link", { name: "API clients" }).click();
    await page.getByText("Ask your platform operator to switch them on.").waitFor();
    expect(await page.getByRole("link", { name: /View details/ }).count()).toBe(0);
    await shot("14-api-clients-off");
    await page.getByLabel("Organization", { exact: true }).selectOption(organizationId);
    await page.getByRole("navigation").getByRole("link", { name: "Audit trail" }).click();
    await page.getByLabel("Client").selectOption({ label: "Visible to viewers" });
    await expect.poll(() => page.getByRole("list", { name: "Audit trail" }).getByText("Created API client").count()).toBe(1);
    expect(await page.getByRole("list", { name: "Audit trail" }).getByText("Deleted API client").count()).toBe(0);
    expect(page.url()).toContain("?client=");
  });

  it("works at 360 px wide", async () => {
    await page.setViewportSize({ width: 360, height: 780 });
    await page.getByRole("navigation").getByRole("link", { name: "API clients" }).click();
    await page.getByRole("link", { name: "View details: Visible to viewers" }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await shot("13-narrow");
  });
});
