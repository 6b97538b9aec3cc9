import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../support/free-port.js";
import { startServerProcess } from "../support/server-process.js";
import { createTestDatabase } from "../support/test-database.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

/** What a browser gets when someone opens /graphql: HTML only under the admin app's policy. */
async function openInBrowser(url: string) {
  const response = await fetch(`${url}/graphql`, { headers: { accept: "text/html,application/xhtml+xml,*/*;q=0.8" } });
  const body = await response.text();
  return {
    html: (response.headers.get("content-type") ?? "").startsWith("text/html"),
    csp: response.headers.get("content-security-policy"),
    frames: response.headers.get("x-frame-options"),
    thirdPartyScript: /<script[^>]+src="https?:\/\/(?!127\.0\.0\.1)/.test(body),
  };
}

function expectNoUnguardedPage(page: Awaited<ReturnType<typeof openInBrowser>>) {
  // No landing page at all: an HTML answer here would be a page outside the admin app's policy.
  expect(page).toMatchObject({ html: false, thirdPartyScript: false });
}

/** Review of issue #12 item 14: no page of Clavis's origin goes without the policy. */
describe("review: /graphql opened in a browser", () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  it("serves no HTML page without the admin app's headers, and none loading scripts from another origin", async () => {
    expectNoUnguardedPage(await openInBrowser(app.url));
  });

  it("does the same in production mode", async () => {
    const db = await createTestDatabase();
    const server = await startServerProcess({ DATABASE_URL: db.url, NODE_ENV: "production" }, await freePort());
    try {
      expectNoUnguardedPage(await openInBrowser(server.url));
    } finally {
      await server.stop();
      await db.drop();
    }
  });
});
