import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCtx } from "../../src/services.js";
import { seedOrganization } from "../support/graphql-session.js";
import { tokenFor } from "../support/oauth-http.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

// Callers are told apart by X-Forwarded-For, which a server behind a loopback proxy trusts.
const PROXIED = { CLAVIS_TRUST_PROXY: "loopback" };

/**
 * Review of issue #12 items 3 and 4: the failure throttle counts an attempt as a failure from the
 * moment it begins, so right secrets still being checked count against their own caller.
 */
describe("review: right secrets in flight at once", () => {
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

  it("issues a token for each of 15 concurrent requests with the right secret from one address", async () => {
    const client = await chosenSecretClient("gateway");
    const results = await Promise.all(Array.from({ length: 15 }, () => tokenFor(app, client.clientId, client.secret, {}, { "x-forwarded-for": "198.51.100.60" })));
    expect(results.map((result) => result.status)).toEqual(Array(15).fill(200));
  });

  it("lets the client's own address fetch tokens concurrently while others spread wrong secrets for its id", async () => {
    const client = await chosenSecretClient("victim");
    // 100 wrong secrets for the id from ten other addresses: 10 each, within every per-address limit.
    for (let address = 1; address <= 10; address += 1) {
      const wrong = await Promise.all(Array.from({ length: 10 }, (_, i) => tokenFor(app, client.clientId, `wrong-${address}-${i}`, {}, { "x-forwarded-for": `192.0.2.${address}` })));
      expect(wrong.map((result) => result.status)).toEqual(Array(10).fill(401));
    }
    const own = await Promise.all(Array.from({ length: 3 }, () => tokenFor(app, client.clientId, client.secret, {}, { "x-forwarded-for": "198.51.100.61" })));
    expect(own.map((result) => result.status)).toEqual([200, 200, 200]);
  });
});
