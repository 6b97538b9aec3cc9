import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../server/test/support/free-port.js";
import { GraphQLSession } from "../../server/test/support/graphql-session.js";
import { basic, postForm } from "../../server/test/support/oauth-http.js";
import { ROOT, startServerProcess, type ServerProcess } from "../../server/test/support/server-process.js";
import { createTestDatabase, type TestDatabase } from "../../server/test/support/test-database.js";
import en from "../src/locales/en.json" with { type: "json" };
import sv from "../src/locales/sv.json" with { type: "json" };
import { inspectScreen } from "./a11y.js";
import { launchChromium, screenshotPath } from "./browser.js";

const OWNER = { organization: "Acme AB", name: "Olga Owner", email: "olga@acme.test", password: "correct horse battery" };
const SETUP = `mutation($input: SetupInput!) { setup(input: $input) { organization { id slug } } }`;
const CREATE = `mutation($input: CreateApiClientInput!) { createApiClient(input: $input) { apiClient { id clientId } clientSecret } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateApiClientInput!) { updateApiClient(id: $id, input: $input) { id } }`;
const PERMISSIONS = `mutation($id: ID!, $grant: [String!]) { updateApiClientPermissions(id: $id, grant: $grant) { id } }`;
const RESET = `mutation($id: ID!) { resetApiClientSecret(id: $id, gracePeriodSeconds: 3600) { clientSecret } }`;
const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { id } }`;

const NAMES = ["Zeta", "Ärende", "alpha", "beta"];

describe("errors, search and the audit trail in the user's language (Chromium)", () => {
  let db: TestDatabase;
  let server: ServerProcess;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let organizationId: string;
  let slug: string;

  const clientNames = async () => {
    const labels = await page.getByRole("link", { name: new RegExp(`^${sv["clients.viewDetails"]}: `) }).evaluateAll((links) => links.map((link) => link.getAttribute("aria-label") ?? ""));
    return labels.map((label) => label.slice(`${sv["clients.viewDetails"]}: `.length));
  };

  beforeAll(async () => {
    db = await createTestDatabase("sqlite");
    const port = await freePort();
    server = await startServerProcess({ DATABASE_URL: db.url, CLAVIS_WEB_DIST: `${ROOT}web/dist`, LOG_LEVEL: "warn", CLAVIS_ISSUER: `http://127.0.0.1:${port}` }, port);
    const owner = new GraphQLSession(server.url);
    const setup = await owner.ok(SETUP, { input: { organizationName: OWNER.organization, name: OWNER.name, email: OWNER.email, password: OWNER.password } });
    organizationId = setup.setup.organization.id;
    slug = setup.setup.organization.slug;
    await owner.ok(LOGIN, { email: OWNER.email, password: OWNER.password });
    const created: Record<string, { id: string; clientId: string; secret: string }> = {};
    for (const name of NAMES) {
      const input = { organizationId, name, role: "reader", description: name === "beta" ? "Contact: Åsa Öberg" : "", allowedIps: name === "Zeta" ? ["203.0.113.0/24"] : [] };
      const { createApiClient } = await owner.ok(CREATE, { input });
      created[name] = { id: createApiClient.apiClient.id, clientId: createApiClient.apiClient.clientId, secret: createApiClient.clientSecret };
    }
    // Events of every shape the trail shows: an edit (before → after), permissions, a reset, a refusal.
    await owner.ok(UPDATE, { id: created.alpha.id, input: { description: "Rapporter", allowedIps: ["192.0.2.0/24"] } });
    await owner.ok(PERMISSIONS, { id: created.alpha.id, grant: ["blogs.write"] });
    await owner.ok(RESET, { id: created.beta.id });
    const refused = await postForm(server.url, "/token", { grant_type: "client_credentials" }, { authorization: basic(created.Zeta.clientId, created.Zeta.secret) });
    expect(refused.status).toBe(401);
    browser = await launchChromium();
    context = await browser.newContext({ locale: "sv-SE", viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await db?.drop();
  });

  it("signs in in Swedish", async () => {
    await page.goto(server.url);
    await page.evaluate(() => window.localStorage.setItem("clavis.language", "sv"));
    await page.reload();
    await page.getByLabel(sv["auth.email"]).fill(OWNER.email);
    await page.getByLabel(sv["auth.password"]).fill(OWNER.password);
    await page.getByRole("button", { name: sv["auth.signIn"] }).click();
    await page.getByRole("heading", { name: sv["nav.overview"] }).waitFor();
  });

  it("shows the server's validation errors in Swedish", async () => {
    await page.goto(`${server.url}/organization/${organizationId}/api-clients`);
    await page.getByRole("button", { name: sv["clients.create"] }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel(sv["clients.name"], { exact: true }).fill("Utgången");
    await dialog.getByLabel(sv["clients.expiry"]).fill("2020-01-01");
    await dialog.getByRole("button", { name: sv["clients.create"] }).click();
    // The banner and the field both say it.
    await dialog.getByText(sv["error.EXPIRY_IN_PAST"]).first().waitFor();
    expect(await dialog.getByText(en["error.EXPIRY_IN_PAST"]).count()).toBe(0);
    expect(await dialog.getByText("Expiry must be in the future").count()).toBe(0);
    // A chosen id the old rule let through: the stored id would pass 64 characters.
    await dialog.getByLabel(sv["clients.expiry"]).fill("");
    // The dialog checks it as the owner types, with the server's rule and text, and refuses to submit.
    await dialog.getByLabel(sv["clients.ownClientId"]).fill("r".repeat(64 - slug.length));
    expect(await dialog.getByRole("button", { name: sv["clients.create"] }).isDisabled()).toBe(true);
    const max = 64 - (slug.length + 1);
    await dialog.getByText(`Den del du väljer måste vara 3–${max} tecken lång`, { exact: false }).first().waitFor();
    await page.screenshot({ path: screenshotPath("errors-sv-validation"), fullPage: true });
    await dialog.getByRole("button", { name: sv["common.cancel"] }).click();
    // The form is filled in, so Cancel asks first.
    await page.getByRole("dialog", { name: sv["discard.title"] }).getByRole("button", { name: sv["discard.discard"] }).click();
    await dialog.waitFor({ state: "hidden" });
  });

  it("finds notes with a capital Å by åsa, and Ärende by ärende", async () => {
    const filter = page.getByRole("searchbox", { name: sv["clients.filter"] });
    await filter.fill("åsa");
    await expect.poll(clientNames).toEqual(["beta"]);
    await filter.fill("ÅSA");
    await expect.poll(clientNames).toEqual(["beta"]);
    await filter.fill("ärende");
    await expect.poll(clientNames).toEqual(["Ärende"]);
    await filter.fill("");
    await expect.poll(clientNames).toHaveLength(NAMES.length);
  });

  it("sorts by name the Swedish way: Ärende after Zeta", async () => {
    await page.getByLabel(sv["clients.sort"]).selectOption("NAME_ASC");
    await expect.poll(clientNames).toEqual(["alpha", "beta", "Zeta", "Ärende"]);
    await page.screenshot({ path: screenshotPath("search-sv-sorted"), fullPage: true });
  });

  it("shows the audit trail translated and readable, in Swedish and in English, at 1280 and 360 px", async () => {
    await page.goto(`${server.url}/organization/${organizationId}/audit`);
    await page.getByRole("heading", { name: sv["nav.audit"] }).waitFor();
    const trail = page.getByRole("list", { name: sv["nav.audit"] });
    await trail.getByText(sv["audit.reason.IP_NOT_ALLOWED"]).first().waitFor();
    expect(await trail.getByText(sv["audit.actor.anonymous"]).count()).toBeGreaterThan(0);
    expect(await trail.getByText(sv["audit.field.allowedIps"], { exact: true }).count()).toBeGreaterThan(0);
    expect(await trail.getByText(/Inga\s*→\s*ändrat till\s*192\.0\.2\.0\/24/).count()).toBe(1);
    expect(await trail.getByText("Bloggar: Ändra").count()).toBeGreaterThan(0);
    expect(await trail.getByText("1 timme").count()).toBe(1);
    const body = (await page.locator("main").innerText()).toLowerCase();
    for (const english of ["anonymous", "the request came from", "allowedips", "blogs.write", "{"]) expect(body).not.toContain(english);
    expect(await inspectScreen(page, "audit-sv")).toEqual([]);

    await page.evaluate(() => window.localStorage.setItem("clavis.language", "en"));
    await page.reload();
    await page.getByRole("heading", { name: en["nav.audit"] }).waitFor();
    const english = page.getByRole("list", { name: en["nav.audit"] });
    await english.getByText(en["audit.reason.IP_NOT_ALLOWED"]).first().waitFor();
    expect(await english.getByText(en["audit.actor.anonymous"]).count()).toBeGreaterThan(0);
    expect(await english.getByText(/None\s*→\s*changed to\s*192\.0\.2\.0\/24/).count()).toBe(1);
    expect(await english.getByText("1 hour").count()).toBe(1);
    expect(await inspectScreen(page, "audit-en")).toEqual([]);
  });
});
