import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_QUERY_DEPTH } from "../../src/http/graphql-limits.js";
import { postGraphQL, startTestApp, type TestApp } from "../support/test-app.js";

describe("HTTP server", () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  it("answers /healthz while the process is up", async () => {
    const response = await fetch(`${app.url}/healthz`);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("answers /readyz when the database is reachable", async () => {
    const response = await fetch(`${app.url}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ready" });
  });

  it("answers unknown API routes with a JSON 404", async () => {
    for (const path of ["/api/nothing", "/.well-known/nothing", "/graphql/extra"]) {
      const response = await fetch(`${app.url}${path}`);
      expect(response.status).toBe(404);
      expect(response.headers.get("content-type")).toMatch(/^application\/json/);
      expect(await response.json()).toEqual({ error: "not_found", error_description: `No route for GET ${path}` });
    }
  });

  it("echoes a safe x-request-id and replaces an unsafe one", async () => {
    const kept = await fetch(`${app.url}/healthz`, { headers: { "x-request-id": "abc-123" } });
    expect(kept.headers.get("x-request-id")).toBe("abc-123");
    const replaced = await fetch(`${app.url}/healthz`, { headers: { "x-request-id": "<script>" } });
    expect(replaced.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("serves the GraphQL schema", async () => {
    const { status, body } = await postGraphQL(app.url, "{ serverInfo { issuer tokenEndpoint tenantHeader } }");
    expect(status).toBe(200);
    expect(body).toEqual({
      data: { serverInfo: { issuer: app.app.config.issuer, tokenEndpoint: `${app.app.config.issuer}/token`, tenantHeader: "x-tenant-id" } },
    });
  });

  it("refuses GraphQL requests that a browser could send cross-site (CSRF prevention)", async () => {
    const response = await fetch(`${app.url}/graphql?query=${encodeURIComponent("{ serverInfo { issuer } }")}`);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("CSRF");
  });

  it(`rejects queries nested deeper than ${MAX_QUERY_DEPTH}`, async () => {
    let selection = "name";
    for (let depth = 0; depth < MAX_QUERY_DEPTH + 1; depth += 1) selection = `ofType { ${selection} }`;
    const { status, body } = await postGraphQL(app.url, `{ __type(name: "Query") { fields { type { ${selection} } } } }`);
    expect(status).toBe(400);
    expect(body.errors?.[0].message).toMatch(/^Query depth \d+ exceeds the maximum of 10$/);
  });

  it("rejects queries whose estimated complexity is too high", async () => {
    const fields = Array.from({ length: 700 }, (_, i) => `a${i}: serverInfo { issuer tokenEndpoint }`).join(" ");
    const { status, body } = await postGraphQL(app.url, `{ ${fields} }`);
    expect(status).toBe(400);
    expect(body.errors?.[0]).toMatchObject({ message: "Query complexity 2100 exceeds the maximum of 2000", extensions: { code: "QUERY_TOO_COMPLEX" } });
  });

  it("answers 413 with JSON for a body over the limit", async () => {
    const response = await fetch(`${app.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `{ serverInfo { issuer } } #${"x".repeat(200_000)}` }),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: "payload_too_large", error_description: "Request body exceeds 100kb" });
  });

  it("answers malformed JSON with a 400, not a 500", async () => {
    const response = await fetch(`${app.url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: "{nope" });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toBe("invalid_request");
  });

  it("takes only a JSON object or array, uncompressed UTF-8, as a GraphQL body", async () => {
    const post = (body: string, headers: Record<string, string> = {}) => fetch(`${app.url}/graphql`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
    const scalar = await post('"{ serverInfo { issuer } }"');
    expect(scalar.status).toBe(400);
    expect(await scalar.json()).toEqual({ error: "invalid_request", error_description: "The request body must be a JSON object or array" });
    const latin1 = await post(JSON.stringify({ query: "{ serverInfo { issuer } }" }), { "content-type": "application/json; charset=iso-8859-1" });
    expect(latin1.status).toBe(415);
    const utf8 = await post(JSON.stringify({ query: "{ serverInfo { issuer } }" }), { "content-type": "application/json; charset=UTF-8" });
    expect(utf8.status).toBe(200);
    const empty = await post("");
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as { errors: { message: string }[] }).errors[0].message).toMatch(/POST body missing/);
  });

  it("answers /readyz 503 once the database is gone", async () => {
    const other = await startTestApp();
    await other.app.dataSource.destroy();
    const response = await fetch(`${other.url}/readyz`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "unavailable", reason: "database unreachable" });
    await other.close();
  });
});
