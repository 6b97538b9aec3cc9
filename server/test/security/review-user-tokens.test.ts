import { decodeJwt } from "jose";
import { createServer, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RESET, UPDATE } from "../support/api-client-queries.js";
import { GraphQLSession, seedOrganization } from "../support/graphql-session.js";
import { basic, createClient, introspect, postForm, tokenFor } from "../support/oauth-http.js";
import { startTestApp, type TestApp } from "../support/test-app.js";
import { DIRECTORY_SECRET, startTestDirectory, type TestDirectory } from "../support/user-directory-server.js";

type Client = { id: string; clientId: string; secret: string };

const MANAGER = ["api-clients.read", "api-clients.write"];
// Callers are told apart by X-Forwarded-For, which a server behind a loopback proxy trusts.
const PROXIED = { CLAVIS_TRUST_PROXY: "loopback" };

/**
 * Session-4 review of issue 15 (user tokens): attacks over real HTTP with a real directory.
 */
describe("review: user tokens", () => {
  let app: TestApp;
  let directory: TestDirectory;
  let owner: GraphQLSession;
  let organizationId: string;
  let inspector: Client;

  beforeAll(async () => {
    directory = await startTestDirectory();
    app = await startTestApp({ ...PROXIED, CLAVIS_USER_DIRECTORY_URL: directory.url, CLAVIS_USER_DIRECTORY_SECRET: DIRECTORY_SECRET });
    const seeded = await seedOrganization(app, "Acme", "owner@acme.test", { maxApiClients: 50 });
    owner = seeded.session;
    organizationId = seeded.organization.id;
    directory.users.push({ id: "u-ann", username: "ann", password: "ann-password-123", organizationId });
    inspector = await createClient(owner, organizationId, { name: "Inspector", role: null, permissions: ["tokens.introspect"] });
  });

  afterAll(async () => {
    await app?.close();
    await directory?.close();
  });

  async function bearer(client: Client): Promise<GraphQLSession> {
    const response = await tokenFor(app, client.clientId, client.secret);
    expect(response.status).toBe(200);
    return new GraphQLSession(app.url, { authorization: `Bearer ${response.body?.access_token}`, "x-tenant-id": organizationId });
  }

  const userToken = (client: Client, params: Record<string, string>, address = "198.51.100.1") =>
    postForm(app.url, "/token", { grant_type: "password", ...params }, { authorization: basic(client.clientId, client.secret), "x-forwarded-for": address });
  const isActive = async (token: string) => (await introspect(app, inspector, token)).body?.active as boolean;

  it("refuses a client without allowImpersonate the reset of a client's secret that has it, which would hand it the flag", async () => {
    // The attacker holds every permission of the target, so issue 12's rule alone lets it reset.
    const attacker = await bearer(await createClient(owner, organizationId, { name: "Automation", role: null, permissions: MANAGER }));
    const target = await createClient(owner, organizationId, { name: "Kiosk", role: null, permissions: ["api-clients.read"], allowImpersonate: true });
    expect(await attacker.errorOf(RESET, { id: target.id, grace: 0 })).toEqual({
      code: "FORBIDDEN",
      message: "An API client may reset the secret of a client with allowImpersonate only if it has that flag itself",
      fields: undefined,
    });
    // The target's own secret still works: nothing was reset.
    expect((await userToken(target, { auth_type: "impersonate", username: "ann" })).status).toBe(200);
  });

  it("refuses a client with allowImpersonate only the reset of a client's secret that has allowLogin", async () => {
    const attacker = await bearer(await createClient(owner, organizationId, { name: "Impersonator", role: null, permissions: MANAGER, allowImpersonate: true }));
    const target = await createClient(owner, organizationId, { name: "Login app", role: null, permissions: ["api-clients.read"], allowLogin: true });
    expect((await attacker.errorOf(RESET, { id: target.id, grace: 0 })).message).toBe("An API client may reset the secret of a client with allowLogin only if it has that flag itself");
    // Holding the flag, it may reset as before (issue 12's rules unchanged).
    const sibling = await createClient(owner, organizationId, { name: "Other kiosk", role: null, permissions: ["api-clients.read"], allowImpersonate: true });
    expect((await attacker.ok(RESET, { id: sibling.id, grace: 0 })).resetApiClientSecret.clientSecret).toEqual(expect.any(String));
  });

  it("ends a client's user tokens of a mode as soon as an owner clears that mode's flag, and leaves the others", async () => {
    const client = await createClient(owner, organizationId, { name: "Both", allowLogin: true, allowImpersonate: true });
    const impersonation = (await userToken(client, { auth_type: "impersonate", id: "u-ann" })).body?.access_token as string;
    const login = (await userToken(client, { auth_type: "login", username: "ann", password: "ann-password-123" })).body?.access_token as string;
    const own = (await tokenFor(app, client.clientId, client.secret)).body?.access_token as string;
    expect([await isActive(impersonation), await isActive(login), await isActive(own)]).toEqual([true, true, true]);
    await owner.ok(UPDATE, { id: client.id, input: { allowImpersonate: false } });
    expect([await isActive(impersonation), await isActive(login), await isActive(own)]).toEqual([false, true, true]);
    await owner.ok(UPDATE, { id: client.id, input: { allowLogin: false } });
    expect([await isActive(login), await isActive(own)]).toEqual([false, true]);
  });

  it("keeps a client's flags and user tokens from another organization's owner and introspecting client", async () => {
    const client = await createClient(owner, organizationId, { name: "Home app", allowImpersonate: true });
    const token = (await userToken(client, { auth_type: "impersonate", username: "ann" })).body?.access_token as string;
    const other = await seedOrganization(app, "Globex", "owner@globex.test", { maxApiClients: 50 });
    expect((await other.session.errorOf(UPDATE, { id: client.id, input: { allowLogin: true } })).code).toBe("NOT_FOUND");
    const foreignInspector = await createClient(other.session, other.organization.id, { name: "Globex inspector", role: null, permissions: ["tokens.introspect"] });
    expect((await introspect(app, foreignInspector, token)).body).toEqual({ active: false });
    expect(await isActive(token)).toBe(true);
  });

  it("counts case variants of one username as the same user when throttling refused logins from an address", async () => {
    const client = await createClient(owner, organizationId, { name: "Guesser", allowLogin: true });
    const address = "198.51.100.77";
    for (let attempt = 0; attempt < 10; attempt += 1) {
      const refused = await userToken(client, { auth_type: "login", username: "ann", password: `wrong-${attempt}` }, address);
      expect(refused.status).toBe(400);
    }
    const asked = directory.received.length;
    for (const variant of ["ann", "Ann", "ANN", "\uff41nn"]) {
      const response = await userToken(client, { auth_type: "login", username: variant, password: "wrong-again" }, address);
      expect({ variant, status: response.status, error: response.body?.error }).toEqual({ variant, status: 429, error: "temporarily_unavailable" });
    }
    // None of them reached the directory.
    expect(directory.received.length).toBe(asked);
  });
});

describe("review: user tokens without a directory", () => {
  let app: TestApp;
  let owner: GraphQLSession;
  let organizationId: string;

  beforeAll(async () => {
    app = await startTestApp();
    const seeded = await seedOrganization(app, "Acme", "owner@acme.test", { maxApiClients: 50 });
    owner = seeded.session;
    organizationId = seeded.organization.id;
  });

  afterAll(async () => {
    await app?.close();
  });

  it("refuses, without a 500 on any database, an impersonated username too long to be the token's subject", async () => {
    const client = await createClient(owner, organizationId, { name: "Trusted", allowImpersonate: true });
    const impersonate = (username: string) => postForm(app.url, "/token", { grant_type: "password", auth_type: "impersonate", username }, { authorization: basic(client.clientId, client.secret) });
    // Without a directory the username is the user's id, whose limit is 128 (non-ASCII counts as one).
    const longest = `${"n".repeat(127)}\u00e9`;
    const accepted = await impersonate(longest);
    expect(accepted.status).toBe(200);
    expect(decodeJwt(accepted.body?.access_token)).toMatchObject({ sub: longest, preferred_username: longest, auth_type: "impersonate" });
    const refused = await impersonate("n".repeat(129));
    expect({ status: refused.status, body: refused.body }).toEqual({
      status: 400,
      body: { error: "invalid_request", error_description: "Without a user directory the username is the user's id, at most 128 characters: send a shorter one or the id" },
    });
  });
});

/** A directory that answers as an attacker who took it over, or a broken proxy, might. */
describe("review: a hostile user directory", () => {
  let app: TestApp;
  let hostile: Server;
  let redirectTargetHits = 0;
  let behaviour: "override" | "redirect" | "dribble" = "override";
  const sockets = new Set<Socket>();
  let client: Client;

  beforeAll(async () => {
    const target = createServer((_req, res) => {
      redirectTargetHits += 1;
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ id: "redirected", username: "redirected" }));
    });
    await new Promise<void>((resolve) => target.listen(0, "127.0.0.1", resolve));
    const targetUrl = `http://127.0.0.1:${(target.address() as AddressInfo).port}/`;
    hostile = createServer((req, res) => {
      req.resume();
      req.on("end", () => {
        if (behaviour === "redirect") {
          res.writeHead(307, { location: targetUrl }).end();
          return;
        }
        if (behaviour === "dribble") {
          // Headers at once, then one byte now and then, never the end.
          res.writeHead(200, { "content-type": "application/json" });
          res.write("{");
          const timer = setInterval(() => res.write(" "), 200);
          res.on("close", () => clearInterval(timer));
          return;
        }
        res.writeHead(200, { "content-type": "application/json" }).end(
          JSON.stringify({
            id: "u-1",
            username: "ann",
            sub: "admin",
            client_id: "someone-else",
            claims: { name: "Ann", sub: "admin", client_id: "someone-else", org_id: "another-org", act: { sub: "nobody" }, iss: "https://evil.example", aud: "https://evil.example", exp: 4102444800, scope: "api-clients.write", auth_type: "login" },
          }),
        );
      });
    });
    hostile.on("connection", (socket) => {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => hostile.listen(0, "127.0.0.1", resolve));
    app = await startTestApp({ CLAVIS_USER_DIRECTORY_URL: `http://127.0.0.1:${(hostile.address() as AddressInfo).port}/users`, CLAVIS_USER_DIRECTORY_SECRET: DIRECTORY_SECRET, CLAVIS_USER_DIRECTORY_TIMEOUT_MS: "1000" });
    const seeded = await seedOrganization(app, "Acme", "owner@acme.test", { maxApiClients: 50 });
    client = await createClient(seeded.session, seeded.organization.id, { name: "Kiosk", role: null, permissions: ["blogs.read"], allowImpersonate: true });
    Object.assign(client, { organizationId: seeded.organization.id });
    hostile.once("close", () => target.close());
  });

  afterAll(async () => {
    await app?.close();
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => hostile.close(() => resolve()));
  });

  const impersonate = () => postForm(app.url, "/token", { grant_type: "password", auth_type: "impersonate", username: "ann" }, { authorization: basic(client.clientId, client.secret) });

  it("takes only id, username and display claims from the directory: it cannot set sub, client_id, org_id, act, iss, aud, exp or scope", async () => {
    behaviour = "override";
    const response = await impersonate();
    expect(response.status).toBe(200);
    const claims = decodeJwt(response.body?.access_token);
    expect(claims).toMatchObject({ sub: "u-1", client_id: client.clientId, org_id: (client as Client & { organizationId: string }).organizationId, act: { sub: client.clientId }, iss: app.url, aud: app.url, auth_type: "impersonate", scope: "blogs.read", name: "Ann" });
    expect((claims.exp as number) - (claims.iat as number)).toBe(900);
  });

  it("does not follow a directory's redirect: the client gets 503 and the other address is never asked", async () => {
    behaviour = "redirect";
    const response = await impersonate();
    expect({ status: response.status, body: response.body, retryAfter: response.headers.get("retry-after") }).toMatchObject({ status: 503, body: { error: "temporarily_unavailable" }, retryAfter: "5" });
    expect(redirectTargetHits).toBe(0);
  });

  it("gives up on a directory that sends its answer a byte at a time within the deadline", async () => {
    behaviour = "dribble";
    const response = await impersonate();
    expect({ status: response.status, error: response.body?.error }).toEqual({ status: 503, error: "temporarily_unavailable" });
  });
});
