import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient } from "../../src/modules/api-clients/api-client.entity.js";
import { clientInput, CREATE } from "../support/api-client-queries.js";
import { GraphQLSession, setupOwner } from "../support/graphql-session.js";
import { createClient, tokenFor } from "../support/oauth-http.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

describe("chosen client ids", () => {
  let app: TestApp;
  let owner: GraphQLSession;
  let organizationId: string;
  let slug: string;
  let longest: number;

  beforeAll(async () => {
    app = await startTestApp();
    ({ session: owner, organizationId, slug } = await setupOwner(app));
    longest = 64 - (slug.length + 1);
  });

  afterAll(async () => {
    await app.close();
  });

  it("stores a chosen id as <slug>.<id> of at most 64 characters", async () => {
    const client = await createClient(owner, organizationId, { clientId: "x".repeat(longest) });
    expect(client.clientId).toBe(`${slug}.${"x".repeat(longest)}`);
    expect(client.clientId).toHaveLength(64);
  });

  it("refuses a choice that would make the stored id longer than 64, saying how long it may be and why", async () => {
    const result = await owner.request(CREATE, { input: clientInput(organizationId, { clientId: "y".repeat(longest + 1) }) });
    const params = { min: 3, max: longest, prefix: `${slug}.` };
    expect(result.errors?.[0].extensions).toEqual({
      code: "BAD_USER_INPUT",
      reason: "CLIENT_ID_LENGTH",
      params,
      fields: [{ field: "clientId", reason: "CLIENT_ID_LENGTH", params, message: `Client id must be 3–${longest} characters; the client id becomes ${slug}.<your id>, at most 64 characters` }],
    });
  });

  it("refuses a 64-character choice, which the old rule let through as a 77+ character id", async () => {
    const result = await owner.request(CREATE, { input: clientInput(organizationId, { clientId: "z".repeat(64) }) });
    expect(result.errors?.[0].extensions?.fields?.[0]).toMatchObject({ field: "clientId", reason: "CLIENT_ID_LENGTH", params: { max: longest } });
  });

  it("refuses fewer than 3 characters and characters outside a-z 0-9 . _ -", async () => {
    const short = await owner.request(CREATE, { input: clientInput(organizationId, { clientId: "ab" }) });
    expect(short.errors?.[0].extensions?.fields?.[0]).toMatchObject({ reason: "CLIENT_ID_LENGTH", params: { min: 3, max: longest } });
    const upper = await owner.request(CREATE, { input: clientInput(organizationId, { clientId: "Reporting" }) });
    expect(upper.errors?.[0].extensions?.fields?.[0]).toMatchObject({ reason: "CLIENT_ID_CHARACTERS", params: { min: 3, max: longest, prefix: `${slug}.` } });
  });

  it("keeps an existing id longer than 64 characters working: it is a credential in use", async () => {
    const client = await createClient(owner, organizationId, { clientId: "legacy" });
    const legacyId = `${slug}.${"l".repeat(64)}`;
    await app.app.dataSource.manager.update(ApiClient, { id: client.id }, { clientId: legacyId, localId: "l".repeat(64) });
    const token = await tokenFor(app, legacyId, client.secret);
    expect(token.status).toBe(200);
    expect(token.body?.token_type).toBe("Bearer");
  });
});
