import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../server/test/support/free-port.js";
import { GraphQLSession } from "../../server/test/support/graphql-session.js";
import { runCli } from "../../server/test/support/run-cli.js";
import { ROOT, startServerProcess, type ServerProcess } from "../../server/test/support/server-process.js";
import { createTestDatabase, type TestDatabase } from "../../server/test/support/test-database.js";
import { launchChromium, screenshotPath } from "./browser.js";

const OWNER = { email: "olga@acme.test", password: "correct horse battery" };
const EXISTING = { email: "erik@elsewhere.test", password: "existing password 1" };
const WIDTHS = [1280, 360] as const;
const LANGUAGES = ["en", "sv"] as const;

const TEXT = {
  en: { members: "Members", invite: "Invite member", linkDialog: "Pass on the invitation link", linkLabel: "Invitation link", copied: "I have copied the link", close: "Close", join: "Join Acme AB", withdraw: "Withdraw", email: "E-mail" },
  sv: { members: "Medlemmar", invite: "Bjud in medlem", linkDialog: "Skicka vidare inbjudningslänken", linkLabel: "Inbjudningslänk", copied: "Jag har kopierat länken", close: "Stäng", join: "Gå med i Acme AB", withdraw: "Dra tillbaka", email: "E-post" },
};

describe("invitations in the admin app", () => {
  let db: TestDatabase;
  let server: ServerProcess;
  let browser: Browser;
  let owner: GraphQLSession;
  let organizationId: string;
  const contexts: BrowserContext[] = [];

  async function newPage(options: { language?: "en" | "sv"; width?: number; signedIn?: boolean } = {}): Promise<Page> {
    const { language = "en", width = 1280, signedIn = false } = options;
    const context = await browser.newContext({ locale: language === "sv" ? "sv-SE" : "en-GB", viewport: { width, height: width === 360 ? 780 : 900 } });
    contexts.push(context);
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url });
    if (signedIn && owner.cookie !== null) {
      const [name, value] = owner.cookie.split("=");
      await context.addCookies([{ name, value, url: server.url }]);
    }
    return context.newPage();
  }

  const shot = (page: Page, name: string) => page.screenshot({ path: screenshotPath(`invitations-${name}`), fullPage: true });
  const noOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

  /** Invites through the members page; returns the link read from the dialog, which is then closed. */
  async function inviteThroughPage(page: Page, email: string, options: { role?: "OWNER" | "VIEWER"; language?: "en" | "sv"; screenshot?: string } = {}): Promise<string> {
    const text = TEXT[options.language ?? "en"];
    await page.getByLabel(text.email).fill(email);
    if (options.role === "OWNER") await page.locator("#invite-role").selectOption("OWNER");
    await page.getByRole("button", { name: text.invite }).click();
    const dialog = page.getByRole("dialog", { name: text.linkDialog });
    await dialog.waitFor();
    if (options.screenshot !== undefined) await shot(page, options.screenshot);
    const link = await dialog.getByLabel(text.linkLabel, { exact: true }).inputValue();
    await dialog.getByLabel(text.copied).check();
    await dialog.getByRole("button", { name: text.close }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    return link;
  }

  async function membersPage(options: { language?: "en" | "sv"; width?: number } = {}): Promise<Page> {
    const page = await newPage({ ...options, signedIn: true });
    await page.goto(`${server.url}/organization/${organizationId}/members`);
    await page.getByRole("heading", { name: TEXT[options.language ?? "en"].members, level: 1 }).waitFor();
    return page;
  }

  beforeAll(async () => {
    db = await createTestDatabase("sqlite");
    const port = await freePort();
    server = await startServerProcess({ DATABASE_URL: db.url, CLAVIS_WEB_DIST: `${ROOT}web/dist`, LOG_LEVEL: "warn", CLAVIS_ISSUER: `http://127.0.0.1:${port}` }, port);
    owner = new GraphQLSession(server.url);
    const setup = await owner.ok(`mutation($input: SetupInput!) { setup(input: $input) { organization { id } } }`, {
      input: { organizationName: "Acme AB", name: "Olga Owner", email: OWNER.email, password: OWNER.password },
    });
    organizationId = setup.setup.organization.id;
    const env = { DATABASE_URL: db.url };
    const elsewhere = JSON.parse((await runCli(["org", "create", "--name", "Elsewhere", "--format", "json"], env)).stdout);
    const created = await runCli(["user", "create", "--email", EXISTING.email, "--org", elsewhere.id, "--role", "owner", "--name", "Erik Existing", "--password-stdin"], env, EXISTING.password);
    expect(created.code).toBe(0);
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
    await db?.drop();
  });

  it("invites, shows the link once with a working Copy button, and the invitee creates an account and joins", async () => {
    const page = await membersPage();
    await page.getByLabel("E-mail").fill("nina@new.test");
    await page.getByRole("button", { name: "Invite member" }).click();
    const dialog = page.getByRole("dialog", { name: "Pass on the invitation link" });
    await dialog.waitFor();
    expect(await dialog.getByText("This is the only time the link is shown, and it expires in 7 days").isVisible()).toBe(true);
    const link = await dialog.getByLabel("Invitation link", { exact: true }).inputValue();
    expect(link).toMatch(new RegExp(`^${server.url}/invitation/clvinv_[A-Za-z0-9_-]{43}$`));
    const close = dialog.getByRole("button", { name: "Close" });
    expect(await close.isDisabled()).toBe(true);
    await page.keyboard.press("Escape");
    expect(await dialog.isVisible()).toBe(true);
    await dialog.getByRole("button", { name: "Copy: Invitation link" }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    await dialog.getByLabel("I have copied the link").check();
    await close.click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(await page.getByText(link).count()).toBe(0);
    await page.getByText("nina@new.test", { exact: true }).waitFor();

    const invitee = await newPage();
    await invitee.goto(link);
    await invitee.getByRole("heading", { name: "Join Acme AB" }).waitFor();
    expect(await invitee.getByText("nina@new.test").isVisible()).toBe(true);
    await invitee.getByLabel("Your name").fill("Nina New");
    await invitee.getByLabel("Password", { exact: true }).fill("nina's long password");
    await invitee.getByLabel("Password again").fill("nina's other password");
    await invitee.getByRole("button", { name: "Create account and join" }).click();
    await invitee.getByText("The passwords do not match").waitFor();
    await invitee.getByLabel("Password again").fill("nina's long password");
    await invitee.getByRole("button", { name: "Create account and join" }).click();
    await invitee.getByRole("heading", { name: "Overview" }).waitFor();
    expect(invitee.url()).toBe(`${server.url}/organization/${organizationId}`);
    expect(await invitee.getByTitle("nina@new.test").textContent()).toBe("Nina New");

    await page.reload();
    await page.getByRole("cell", { name: "Nina New" }).waitFor();
    expect(await page.getByText("No pending invitations.").isVisible()).toBe(true);
    await invitee.goto(link);
    await invitee.getByRole("heading", { name: "This invitation link does not work" }).waitFor();
    await shot(invitee, "used-link-en-1280");
  });

  it("sends someone with an account to sign in and back, then they accept", async () => {
    const page = await membersPage();
    const link = await inviteThroughPage(page, EXISTING.email, { role: "OWNER" });
    const invitee = await newPage();
    await invitee.goto(link);
    await invitee.getByRole("heading", { name: "Join Acme AB" }).waitFor();
    await invitee.getByRole("button", { name: "Sign in to accept" }).click();
    await invitee.getByRole("heading", { name: "Sign in to Clavis" }).waitFor();
    expect(await invitee.getByLabel("E-mail").inputValue()).toBe(EXISTING.email);
    await shot(invitee, "sign-in-detour-en-1280");
    await invitee.getByLabel("Password").fill(EXISTING.password);
    await invitee.getByRole("button", { name: "Sign in", exact: true }).click();
    await invitee.getByRole("button", { name: "Accept invitation" }).waitFor();
    expect(invitee.url()).toBe(link);
    await shot(invitee, "accept-signed-in-en-1280");
    await invitee.getByRole("button", { name: "Accept invitation" }).click();
    await invitee.getByRole("heading", { name: "Overview" }).waitFor();
    expect(invitee.url()).toBe(`${server.url}/organization/${organizationId}`);
    expect(await invitee.getByLabel("Organization", { exact: true }).locator("option").allTextContents()).toEqual(expect.arrayContaining(["Acme AB", "Elsewhere"]));
    await page.reload();
    await page.getByRole("cell", { name: "Erik Existing" }).waitFor();
  });

  it("tells someone signed in as another address to sign out, and accepts nothing for them", async () => {
    const page = await membersPage();
    const link = await inviteThroughPage(page, "someone-else@new.test");
    await page.goto(link);
    await page.getByText(`You are signed in as ${OWNER.email}, but this invitation is for someone-else@new.test.`).waitFor();
    expect(await page.getByRole("button", { name: "Accept invitation" }).count()).toBe(0);
    await shot(page, "wrong-user-en-1280");
  });

  it("withdraws a pending invitation after a confirmation, and its link stops working", async () => {
    const page = await membersPage();
    const link = await inviteThroughPage(page, "withdrawn@new.test");
    await page.getByRole("button", { name: "Withdraw: withdrawn@new.test" }).click();
    const confirm = page.getByRole("dialog", { name: "Withdraw the invitation of withdrawn@new.test?" });
    await confirm.getByText("The link stops working at once.").waitFor();
    await shot(page, "withdraw-confirm-en-1280");
    await confirm.getByRole("button", { name: "Withdraw" }).click();
    await expect.poll(() => page.getByText("withdrawn@new.test", { exact: true }).count()).toBe(0);
    const holder = await newPage();
    await holder.goto(link);
    await holder.getByRole("heading", { name: "This invitation link does not work" }).waitFor();
    await page.getByRole("navigation").getByRole("link", { name: "Audit trail" }).click();
    const trail = page.getByRole("list", { name: "Audit trail" });
    await trail.getByText("Withdrew invitation").waitFor();
    for (const action of ["Invited member", "Accepted invitation", "Added member"]) expect(await trail.getByText(action).count()).toBeGreaterThan(0);
  });

  for (const language of LANGUAGES) {
    for (const width of WIDTHS) {
      it(`shows the members page, link dialog, invitation and withdrawal in ${language} at ${width} px`, async () => {
        const text = TEXT[language];
        const page = await membersPage({ language, width });
        const link = await inviteThroughPage(page, `look-${language}-${width}@new.test`, { language, screenshot: `link-dialog-${language}-${width}` });
        await shot(page, `members-${language}-${width}`);
        if (width === 360) expect(await noOverflow(page)).toBeLessThanOrEqual(0);
        await page.getByRole("button", { name: `${text.withdraw}: look-${language}-${width}@new.test` }).click();
        await page.getByRole("dialog").getByRole("button", { name: text.withdraw }).waitFor();
        await shot(page, `withdraw-confirm-${language}-${width}`);
        await page.keyboard.press("Escape");
        const invitee = await newPage({ language, width });
        await invitee.goto(link);
        await invitee.getByRole("heading", { name: text.join }).waitFor();
        await shot(invitee, `accept-${language}-${width}`);
        if (width === 360) expect(await noOverflow(invitee)).toBeLessThanOrEqual(0);
      });
    }
  }
});
