import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GraphQLSession, PASSWORD, setupOwner } from "../support/graphql-session.js";
import { LIST } from "../support/api-client-queries.js";
import { basic, createClient, introspect, postForm, tokenFor } from "../support/oauth-http.js";
import { testDbKind } from "../support/test-database.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

const TOKEN = "metrics-token-0123456789abcdef0123456789abcdef";
const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { id } }`;

type Scrape = Map<string, number>;

/** Prometheus text format: `name{labels} value` per line; comments skipped. */
function parse(text: string): Scrape {
  const samples = new Map<string, number>();
  for (const line of text.split("\n")) {
    if (line === "" || line.startsWith("#")) continue;
    const space = line.lastIndexOf(" ");
    samples.set(line.slice(0, space), Number(line.slice(space + 1)));
  }
  return samples;
}

/** The sum of every sample of `name` whose labels include all of `labels`. */
function value(scrape: Scrape, name: string, labels: Record<string, string> = {}): number {
  let total = 0;
  for (const [series, sample] of scrape) {
    const brace = series.indexOf("{");
    if ((brace === -1 ? series : series.slice(0, brace)) !== name) continue;
    if (Object.entries(labels).every(([label, wanted]) => series.includes(`${label}="${wanted}"`))) total += sample;
  }
  return total;
}

async function scrape(url: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${url}/metrics`, { headers });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

describe("/metrics on the public port, behind CLAVIS_METRICS_TOKEN", () => {
  let app: TestApp;
  const scrapeOk = async () => {
    const answer = await scrape(app.url, { authorization: `Bearer ${TOKEN}` });
    expect(answer.status).toBe(200);
    return parse(answer.text);
  };

  beforeAll(async () => {
    app = await startTestApp({ CLAVIS_METRICS_TOKEN: TOKEN });
  });

  afterAll(async () => {
    await app.close();
  });

  it("counts token requests by grant and outcome, latency per route, cache lookups, batches and refusals after real traffic", async () => {
    const before = await scrapeOk();
    const { session, organizationId } = await setupOwner(app);
    const client = await createClient(session, organizationId, { role: "reader", permissions: ["tokens.introspect"] });
    // The same list twice with nothing changed in between: read once, then served from the cache.
    await session.ok(LIST, { organizationId });
    await session.ok(LIST, { organizationId });

    const issued = [];
    for (let i = 0; i < 3; i += 1) issued.push(await tokenFor(app, client.clientId, client.secret));
    expect(issued.map((answer) => answer.status)).toEqual([200, 200, 200]);
    expect((await introspect(app, client, issued[2].body?.access_token)).body?.active).toBe(true);
    expect((await postForm(app.url, "/token", { grant_type: "authorization_code" }, { authorization: basic(client.clientId, client.secret) })).body?.error).toBe("unsupported_grant_type");
    // Ten wrong secrets for one client id from one address, then the eleventh is refused unchecked.
    const wrong = [];
    for (let i = 0; i < 11; i += 1) wrong.push((await tokenFor(app, client.clientId, `${client.secret}x`)).status);
    expect(wrong).toEqual([...Array(10).fill(401), 429]);
    // Five wrong passwords for one account, then a 429 from /graphql.
    const signIns = [];
    for (let i = 0; i < 6; i += 1) signIns.push((await new GraphQLSession(app.url).request(LOGIN, { email: "owner@acme.test", password: `${PASSWORD}!` })).status);
    expect(signIns).toEqual([200, 200, 200, 200, 200, 429]);

    const after = await scrapeOk();
    const delta = (name: string, labels: Record<string, string> = {}) => value(after, name, labels) - value(before, name, labels);
    expect({
      issued: delta("clavis_token_requests_total", { grant: "client_credentials", outcome: "issued" }),
      invalidClient: delta("clavis_token_requests_total", { grant: "client_credentials", outcome: "invalid_client" }),
      throttled: delta("clavis_token_requests_total", { grant: "client_credentials", outcome: "temporarily_unavailable" }),
      otherGrant: delta("clavis_token_requests_total", { grant: "other", outcome: "unsupported_grant_type" }),
      tokenResponses: delta("clavis_http_request_duration_seconds_count", { route: "/token" }),
      token429: delta("clavis_http_responses_total", { route: "/token", status: "429" }),
      introspections: delta("clavis_http_request_duration_seconds_count", { route: "/introspect" }),
      failureRefusals: delta("clavis_rate_limit_refusals_total", { limit: "failed_authentications" }),
      graphqlRefusals: delta("clavis_rate_limit_refusals_total", { limit: "graphql" }),
      tokensBatched: delta("clavis_token_batch_size_sum"),
    }).toEqual({
      issued: 3,
      invalidClient: 10,
      throttled: 1,
      otherGrant: 1,
      tokenResponses: 15,
      token429: 1,
      introspections: 1,
      failureRefusals: 1,
      graphqlRefusals: 1,
      tokensBatched: 3,
    });
    expect(delta("clavis_token_batch_size_count")).toBeGreaterThanOrEqual(1);
    expect(delta("clavis_http_request_duration_seconds_count", { route: "/graphql" })).toBeGreaterThanOrEqual(10);
    expect(delta("clavis_http_request_duration_seconds_sum", { route: "/token" })).toBeGreaterThan(0);
    // Each /token asks the client state cache twice (hash budget check, then the secret check).
    expect(delta("clavis_cache_lookups_total", { cache: "client_state", result: "hit" })).toBeGreaterThanOrEqual(3);
    expect(delta("clavis_cache_lookups_total", { cache: "client_list", result: "miss" })).toBeGreaterThanOrEqual(1);
    expect(delta("clavis_cache_lookups_total", { cache: "client_list", result: "hit" })).toBeGreaterThanOrEqual(1);
    expect(delta("clavis_cache_lookups_total", { cache: "verified_tokens" })).toBeGreaterThanOrEqual(1);
    for (const name of ["clavis_hash_queue_depth", "clavis_hash_running", "clavis_transaction_retries_total", "process_cpu_seconds_total", "nodejs_eventloop_lag_seconds"]) {
      expect(after.has(name), name).toBe(true);
    }
    if (testDbKind() === "mysql") expect(value(after, "clavis_db_pool_connections")).toBeGreaterThanOrEqual(1);
    else expect(value(after, "clavis_db_pool_connections")).toBe(0);
  });

  it("answers 401 with a Bearer challenge to a scrape without the token or with a wrong one, and shows nothing", async () => {
    for (const headers of [{} as Record<string, string>, { authorization: `Bearer ${TOKEN}x` }, { authorization: `Basic ${Buffer.from(`x:${TOKEN}`).toString("base64")}` }]) {
      const answer = await scrape(app.url, headers);
      expect({ status: answer.status, challenge: answer.headers.get("www-authenticate"), body: JSON.parse(answer.text) }).toEqual({
        status: 401,
        challenge: 'Bearer realm="clavis-metrics"',
        body: { error: "invalid_token", error_description: "A valid bearer token is required for /metrics" },
      });
    }
  });
});

describe("/metrics with neither CLAVIS_METRICS_TOKEN nor CLAVIS_METRICS_PORT", () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  it("is not served: 404 on the public port, token or not", async () => {
    for (const headers of [{} as Record<string, string>, { authorization: `Bearer ${TOKEN}` }]) {
      const answer = await scrape(app.url, headers);
      expect({ status: answer.status, body: JSON.parse(answer.text) }).toEqual({ status: 404, body: { error: "not_found", error_description: "No route for GET /metrics" } });
    }
    expect(app.metricsUrl).toBeNull();
  });
});

describe("/metrics on a listener of its own (CLAVIS_METRICS_PORT)", () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ CLAVIS_METRICS_PORT: "0" });
  });

  afterAll(async () => {
    await app.close();
  });

  it("is served on loopback on the metrics port and refused (404) on the public port", async () => {
    const metricsUrl = app.metricsUrl ?? "";
    expect(new URL(metricsUrl).hostname).toBe("127.0.0.1");
    expect(new URL(metricsUrl).port).not.toBe(new URL(app.url).port);
    const issued = async () => value(parse((await scrape(metricsUrl)).text), "clavis_token_requests_total", { grant: "client_credentials", outcome: "issued" });
    const before = await issued();
    const { session, organizationId } = await setupOwner(app);
    const client = await createClient(session, organizationId);
    expect((await tokenFor(app, client.clientId, client.secret)).status).toBe(200);

    const answer = await scrape(metricsUrl);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toBe("text/plain; version=0.0.4; charset=utf-8");
    // One registry per process: what this app issued is the increase.
    expect((await issued()) - before).toBe(1);
    expect((await scrape(app.url)).status).toBe(404);
    expect((await fetch(`${metricsUrl}/graphql`)).status).toBe(404);
  });
});

describe("/metrics on its own listener with CLAVIS_METRICS_TOKEN set too", () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ CLAVIS_METRICS_PORT: "0", CLAVIS_METRICS_TOKEN: TOKEN });
  });

  afterAll(async () => {
    await app.close();
  });

  it("asks for the token on the metrics listener as well", async () => {
    const metricsUrl = app.metricsUrl ?? "";
    expect((await scrape(metricsUrl)).status).toBe(401);
    expect((await scrape(metricsUrl, { authorization: `Bearer ${TOKEN}` })).status).toBe(200);
  });
});
