import type { Browser, BrowserContext, Page } from "playwright-core";
import { freePort } from "../../server/test/support/free-port.js";
import { GraphQLSession, PASSWORD } from "../../server/test/support/graphql-session.js";
import { ROOT, startServerProcess, type ServerProcess } from "../../server/test/support/server-process.js";
import { createTestDatabase, type TestDatabase } from "../../server/test/support/test-database.js";
import { CREATE, clientInput } from "../../server/test/support/api-client-queries.js";
import { launchChromium } from "./browser.js";

export const OWNER_EMAIL = "olga@acme.test";
const SETUP = `mutation($input: SetupInput!) { setup(input: $input) { organization { id slug } } }`;

/**
 * A built server on a fresh SQLite database with one organization, and Chromium. The admin app
 * is web/dist, or CLAVIS_TEST_WEB_DIST (to show a test failing on an older build).
 */
export interface ClientsWorld {
  db: TestDatabase;
  server: ServerProcess;
  browser: Browser;
  owner: GraphQLSession;
  organizationId: string;
  slug: string;
  stop(): Promise<void>;
}

export async function startClientsWorld(env: Record<string, string> = {}): Promise<ClientsWorld> {
  const db = await createTestDatabase("sqlite");
  const server = await startServerProcess({ DATABASE_URL: db.url, CLAVIS_WEB_DIST: process.env.CLAVIS_TEST_WEB_DIST ?? `${ROOT}web/dist`, LOG_LEVEL: "warn", ...env }, await freePort());
  const owner = new GraphQLSession(server.url);
  const data = await owner.ok(SETUP, { input: { organizationName: "Acme AB", name: "Olga Owner", email: OWNER_EMAIL, password: PASSWORD } });
  const browser = await launchChromium();
  return {
    db,
    server,
    browser,
    owner,
    organizationId: data.setup.organization.id,
    slug: data.setup.organization.slug,
    async stop() {
      await browser.close();
      await server.stop();
      await db.drop();
    },
  };
}

/** A signed-in owner's page, in the given language, at 1280 px. */
export async function ownerPage(world: ClientsWorld, language: "en" | "sv" = "en", init?: (context: BrowserContext) => Promise<void>): Promise<Page> {
  const context = await world.browser.newContext({ locale: language === "sv" ? "sv-SE" : "en-GB", viewport: { width: 1280, height: 900 } });
  await init?.(context);
  const page = await context.newPage();
  await page.addInitScript((lang) => window.localStorage.setItem("clavis.language", lang), language);
  await page.goto(world.server.url);
  await page.locator("input[type=email]").fill(OWNER_EMAIL);
  await page.locator("input[type=password]").fill(PASSWORD);
  await page.locator("button[type=submit]").click();
  await page.waitForURL(/\/organization\//);
  return page;
}

/** Creates a client over GraphQL; returns its database id and client id. */
export async function seedClient(world: ClientsWorld, overrides: Record<string, unknown> = {}): Promise<{ id: string; clientId: string; name: string }> {
  const data = await world.owner.ok(CREATE, { input: clientInput(world.organizationId, overrides) });
  return data.createApiClient.apiClient;
}

/** True when the element's box lies wholly inside the viewport's width. */
export async function withinWidth(page: Page, selector: ReturnType<Page["locator"]>): Promise<boolean> {
  const box = await selector.boundingBox();
  const width = page.viewportSize()?.width ?? 0;
  return box !== null && box.x >= 0 && box.x + box.width <= width + 0.5;
}

/** Writes a past expiry directly (the API takes only future ones) and moves the list's etag as Clavis does. */
export async function expireClient(world: ClientsWorld, id: string): Promise<void> {
  const { default: Database } = await import("better-sqlite3");
  const sqlite = new Database(world.db.url.slice("sqlite:".length));
  sqlite.prepare("UPDATE api_clients SET expires_at = '2020-01-01 00:00:00.000' WHERE id = ?").run(id);
  sqlite.prepare("UPDATE organizations SET clients_etag = ? WHERE id = ?").run(crypto.randomUUID(), world.organizationId);
  sqlite.close();
}
