import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrganization } from "../support/graphql-session.js";
import { basic, createClient } from "../support/oauth-http.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

const RUNS = 120;
const STACK = /\bat [\w.<>]+ \(|node_modules|\.ts:\d+|\.js:\d+/;

/** Form-ish bodies: real parameter names, hostile values, repeats, broken percent-encoding. */
const formBody = fc
  .array(
    fc.tuple(
      fc.constantFrom("grant_type", "client_id", "client_secret", "scope", "resource", "audience", "token", "token_type_hint", "x", ""),
      fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.constantFrom("client_credentials", "%", "%zz", "%E0%A4%A", "\u0000", "a".repeat(5000), "https://api.example.com#frag")),
    ),
    { maxLength: 8 },
  )
  .map((pairs) => pairs.map(([key, value]) => `${key}=${Math.random() < 0.5 ? encodeURIComponent(value) : value}`).join("&"));

const contentType = fc.constantFrom("application/x-www-form-urlencoded", "application/x-www-form-urlencoded; charset=utf-8", "application/json", "text/plain", "multipart/form-data; boundary=x", "");
// Header values must be printable ASCII to be sent at all (fetch refuses the rest client-side).
const printable = (text: string) => /^[\x20-\x7e]*$/.test(text);
const authorization = fc.oneof(
  fc.constant(undefined),
  fc.string({ unit: "binary" }).map((text) => `Basic ${Buffer.from(text).toString("base64")}`),
  fc.string({ unit: "binary-ascii" }).map((text) => `Basic ${text}`).filter(printable),
  fc.constantFrom("Bearer abc", "Basic", "Basic !!!", "Digest x", `Basic ${Buffer.from("%E0%A4%A:%").toString("base64")}`),
);

describe("bad input never breaks the server", () => {
  let app: TestApp;
  let client: { clientId: string; secret: string };

  beforeAll(async () => {
    app = await startTestApp();
    const { organization, session } = await seedOrganization(app, "Fuzz", "fuzz@acme.test");
    client = await createClient(session, organization.id, { role: null, permissions: ["tokens.introspect", "blogs.read"] });
  });

  afterAll(async () => {
    await app.close();
  });

  async function send(path: string, body: string, type: string, auth: string | undefined) {
    const headers: Record<string, string> = {};
    if (type !== "") headers["content-type"] = type;
    if (auth !== undefined) headers.authorization = auth;
    const response = await fetch(`${app.url}${path}`, { method: "POST", headers, body });
    return { status: response.status, text: await response.text() };
  }

  for (const path of ["/token", "/introspect", "/revoke"]) {
    it(`answers ${path} with an RFC 6749 error body, never a 5xx`, async () => {
      await fc.assert(
        fc.asyncProperty(formBody, contentType, authorization, async (body, type, auth) => {
          const { status, text } = await send(path, body, type, auth);
          expect(status).toBeLessThan(500);
          expect(text).not.toMatch(STACK);
          if (status >= 400) {
            const parsed = JSON.parse(text) as Record<string, unknown>;
            expect(typeof parsed.error).toBe("string");
            expect(typeof parsed.error_description).toBe("string");
          }
        }),
        { numRuns: RUNS },
      );
    });
  }

  it("answers valid credentials with hostile parameters with a 4xx or a token, never a 5xx", async () => {
    await fc.assert(
      fc.asyncProperty(formBody, async (body) => {
        const { status, text } = await send("/token", body, "application/x-www-form-urlencoded", basic(client.clientId, client.secret));
        expect(status).toBeLessThan(500);
        expect(text).not.toMatch(STACK);
      }),
      { numRuns: RUNS },
    );
  });

  it("answers /graphql garbage with GraphQL errors, never a 5xx", async () => {
    const body = fc.oneof(
      fc.string(),
      fc.string({ unit: "binary" }),
      fc.jsonValue().map((value) => JSON.stringify(value)),
      fc.record({ query: fc.oneof(fc.string(), fc.constantFrom("{", "{ apiClient(id: 1) { id } }", "mutation { deleteApiClient(id: \"x\") }", "{ __schema { types { name } } }", "query { serverInfo { issuer } } query { serverInfo { version } }")), variables: fc.oneof(fc.constant(undefined), fc.jsonValue()) }).map((value) => JSON.stringify(value)),
    );
    await fc.assert(
      fc.asyncProperty(body, fc.constantFrom("application/json", "text/plain", "application/graphql-response+json"), async (text, type) => {
        const response = await fetch(`${app.url}/graphql`, { method: "POST", headers: { "content-type": type, "apollo-require-preflight": "true" }, body: text });
        const answer = await response.text();
        expect(response.status).toBeLessThan(500);
        expect(answer).not.toMatch(STACK);
      }),
      { numRuns: RUNS },
    );
  });

  it("answers bodies over the limit with 413", async () => {
    for (const path of ["/token", "/introspect", "/revoke"]) {
      const response = await fetch(`${app.url}${path}`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: `token=${"x".repeat(40_000)}` });
      expect(response.status).toBe(413);
    }
    const graphql = await fetch(`${app.url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: `{ serverInfo { issuer } } #${"x".repeat(200_000)}` }) });
    expect(graphql.status).toBe(413);
  });

  it("is still healthy afterwards", async () => {
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${app.url}/readyz`)).status).toBe(200);
  });
});
