import { existsSync, readdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postForm } from "../support/oauth-http.js";
import { ROOT } from "../support/server-process.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

// The built admin app (npm run build:web, which npm test runs first).
const WEB_DIST = `${ROOT}web/dist`;
const CSP = "default-src 'self';script-src 'self';style-src 'self';img-src 'self';object-src 'none';base-uri 'none';form-action 'self';frame-ancestors 'none'";
const APP_PATHS = ["/", "/organization/0b8f6a1e-0000-4000-8000-000000000000/api-clients"];

async function get(url: string, accept = "text/html") {
  const response = await fetch(url, { headers: { accept } });
  await response.arrayBuffer();
  return response;
}

/** The JSON routes: OAuth and /graphql on bare node:http, the rest through Express. */
async function apiAnswers(url: string) {
  const graphql = fetch(`${url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ me { id } }" }) });
  const answers = await Promise.all([
    postForm(url, "/token", { grant_type: "client_credentials" }),
    graphql,
    get(`${url}/.well-known/jwks.json`, "application/json"),
    get(`${url}/healthz`, "application/json"),
    get(`${url}/api/nothing`, "application/json"),
  ]);
  const names = ["/token", "/graphql", "/.well-known/jwks.json", "/healthz", "/api/nothing"];
  return answers.map((answer, i) => ({ path: names[i], nosniff: answer.headers.get("x-content-type-options"), hsts: answer.headers.get("strict-transport-security") }));
}

describe("security headers", () => {
  let app: TestApp;
  let secure: TestApp;

  beforeAll(async () => {
    if (!existsSync(`${WEB_DIST}/index.html`)) throw new Error(`${WEB_DIST} is missing: run npm run build:web first`);
    app = await startTestApp({ CLAVIS_WEB_DIST: WEB_DIST });
    secure = await startTestApp({ CLAVIS_WEB_DIST: WEB_DIST, CLAVIS_ISSUER: "https://clavis.example.test" });
  });

  afterAll(async () => {
    await app?.close();
    await secure?.close();
  });

  it("serves the admin app and its client routes with a strict policy, nosniff and no referrer", async () => {
    for (const path of APP_PATHS) {
      const response = await get(`${app.url}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toMatch(/^text\/html/);
      expect({
        path,
        csp: response.headers.get("content-security-policy"),
        nosniff: response.headers.get("x-content-type-options"),
        referrer: response.headers.get("referrer-policy"),
        frames: response.headers.get("x-frame-options"),
        hsts: response.headers.get("strict-transport-security"),
      }).toEqual({ path, csp: CSP, nosniff: "nosniff", referrer: "no-referrer", frames: "DENY", hsts: null });
    }
  });

  it("serves the app's assets with nosniff", async () => {
    const asset = readdirSync(`${WEB_DIST}/assets`).find((name) => name.endsWith(".js"));
    const response = await get(`${app.url}/assets/${asset}`, "*/*");
    expect(response.status).toBe(200);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("sends HSTS, and upgrades insecure requests, only when the issuer is https", async () => {
    for (const path of APP_PATHS) {
      const response = await get(`${secure.url}${path}`);
      expect(response.headers.get("strict-transport-security")).toBe("max-age=31536000");
      expect(response.headers.get("content-security-policy")).toBe(`${CSP};upgrade-insecure-requests`);
    }
    for (const answer of await apiAnswers(secure.url)) expect(answer).toEqual({ path: answer.path, nosniff: "nosniff", hsts: "max-age=31536000" });
  });

  it("answers /token, /graphql and the other JSON routes with nosniff and no HSTS over an http issuer", async () => {
    for (const answer of await apiAnswers(app.url)) expect(answer).toEqual({ path: answer.path, nosniff: "nosniff", hsts: null });
  });
});
