import type { Browser, BrowserContext, Page } from "playwright-core";
import { freePort } from "../../server/test/support/free-port.js";
import { GraphQLSession } from "../../server/test/support/graphql-session.js";
import { ROOT, startServerProcess, type ServerProcess } from "../../server/test/support/server-process.js";
import { createTestDatabase, type TestDatabase } from "../../server/test/support/test-database.js";
import { launchChromium } from "./browser.js";

export const OWNER = { organization: "Acme AB", name: "Olga Owner", email: "olga@acme.test", password: "correct horse battery" };

const SETUP = `mutation($input: SetupInput!) { setup(input: $input) { organization { id } } }`;
const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { id } }`;
const INVITE = `mutation($input: InviteMemberInput!) { inviteMember(input: $input) { invitationUrl } }`;
const ACCEPT = `mutation($token: String!, $name: String, $password: String) { acceptInvitation(token: $token, name: $name, password: $password) { organization { id } } }`;

export type Language = "en" | "sv";

/**
 * The built server on a fresh SQLite database, and Chromium. `setup: false` leaves the first run
 * to the browser. Pages come from contexts of their own, signed in by cookie when asked.
 */
export class AppFixture {
  db!: TestDatabase;
  server!: ServerProcess;
  browser!: Browser;
  owner!: GraphQLSession;
  organizationId = "";
  private readonly contexts: BrowserContext[] = [];

  async start(options: { setup?: boolean } = {}): Promise<this> {
    this.db = await createTestDatabase("sqlite");
    const port = await freePort();
    this.server = await startServerProcess({ DATABASE_URL: this.db.url, CLAVIS_WEB_DIST: `${ROOT}web/dist`, LOG_LEVEL: "warn", CLAVIS_ISSUER: `http://127.0.0.1:${port}` }, port);
    this.owner = new GraphQLSession(this.server.url);
    if (options.setup !== false) {
      const data = await this.owner.ok(SETUP, { input: { organizationName: OWNER.organization, name: OWNER.name, email: OWNER.email, password: OWNER.password } });
      this.organizationId = data.setup.organization.id;
    }
    this.browser = await launchChromium();
    return this;
  }

  async stop(): Promise<void> {
    for (const context of this.contexts) await context.close().catch(() => undefined);
    await this.browser?.close();
    await this.server?.stop();
    await this.db?.drop();
  }

  /** Invites over GraphQL; returns the link's token. */
  async invite(email: string, role: "OWNER" | "VIEWER" = "VIEWER"): Promise<string> {
    const data = await this.owner.ok(INVITE, { input: { organizationId: this.organizationId, email, role } });
    return new URL(data.inviteMember.invitationUrl).pathname.split("/").pop() ?? "";
  }

  /** A member who joined through an invitation with a new account; returns their signed-in session. */
  async addMember(member: { email: string; name: string; password: string; role?: "OWNER" | "VIEWER" }): Promise<GraphQLSession> {
    const token = await this.invite(member.email, member.role);
    const session = new GraphQLSession(this.server.url);
    await session.ok(ACCEPT, { token, name: member.name, password: member.password });
    return session;
  }

  async signIn(email: string, password: string): Promise<GraphQLSession> {
    const session = new GraphQLSession(this.server.url);
    await session.ok(LOGIN, { email, password });
    return session;
  }

  async newPage(options: { language?: Language; width?: number; session?: GraphQLSession } = {}): Promise<Page> {
    const { language = "en", width = 1280, session } = options;
    const context = await this.browser.newContext({ locale: language === "sv" ? "sv-SE" : "en-GB", viewport: { width, height: width <= 400 ? 780 : 900 } });
    this.contexts.push(context);
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: this.server.url });
    if (session?.cookie != null) {
      const at = session.cookie.indexOf("=");
      await context.addCookies([{ name: session.cookie.slice(0, at), value: session.cookie.slice(at + 1), url: this.server.url }]);
    }
    return context.newPage();
  }

  url(path: string): string {
    return `${this.server.url}${path}`;
  }
}
