import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCtx } from "../../src/services.js";
import { seedOrganization } from "../support/graphql-session.js";
import { tokenFor } from "../support/oauth-http.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

// Callers are told apart by X-Forwarded-For, which a server behind a loopback proxy trusts.
const PROXIED = { CLAVIS_TRUST_PROXY: "loopback" };

/**
 * Review of session 5 (issues 14 and 17). The bench saw 429s for right operator-chosen
 * secrets when many workers started at once: every concurrent first use ran argon2id of its
 * own and took a slot of the address's hash budget, though they all checked the same secret.
 */
describe("review s5: concurrent first uses of a chosen secret", () => {
  let app: TestApp;
  let organizationId: string;

  beforeAll(async () => {
    app = await startTestApp(PROXIED);
    organizationId = (await seedOrganization(app, "Acme", "owner@acme.test", { maxApiClients: 50 })).organization.id;
  });

  afterAll(async () => {
    await app.close();
  });

  /** A client with an operator-chosen secret (clavis api-client create --secret-stdin), stored with argon2id. */
  async function chosenSecretClient(name: string) {
    const secret = `${name}-chosen-secret-abcdefghijklmnopqrstuvwxyz-0123456789`;
    const created = await app.app.services.apiClients.create(createCtx(app.app.dataSource, { type: "SYSTEM" }), { organizationId, name, role: "reader", secret });
    return { clientId: created.apiClient.client.clientId, secret };
  }

  it("issues a token to each of 64 concurrent workers of two chosen-secret integrations behind one address, spending one hash slot per secret", async () => {
    const address = "198.51.100.70";
    const clients = [await chosenSecretClient("gateway-a"), await chosenSecretClient("gateway-b")];
    const budgetBefore = await app.app.services.hashBudget.remaining(address);
    const results = await Promise.all(clients.flatMap((client) => Array.from({ length: 64 }, () => tokenFor(app, client.clientId, client.secret, {}, { "x-forwarded-for": address }))));
    const statuses = new Map<number, number>();
    for (const result of results) statuses.set(result.status, (statuses.get(result.status) ?? 0) + 1);
    expect(Object.fromEntries(statuses)).toEqual({ 200: 128 });
    // One argon2id run per secret; the other 63 requests of each waited for it.
    expect(budgetBefore - (await app.app.services.hashBudget.remaining(address))).toBe(2);
  });

  it("still refuses each concurrent wrong guess of a chosen secret, counting every one as a failure", async () => {
    const address = "198.51.100.71";
    const client = await chosenSecretClient("guessed");
    const wrong = await Promise.all(Array.from({ length: 10 }, () => tokenFor(app, client.clientId, "the-same-wrong-guess", {}, { "x-forwarded-for": address })));
    expect(wrong.map((result) => result.status)).toEqual(Array(10).fill(401));
    // The pair's limit is 10 failures a minute: a shared argon2id run still counts each request.
    const right = await tokenFor(app, client.clientId, client.secret, {}, { "x-forwarded-for": address });
    expect(right.status).toBe(429);
  });
});

