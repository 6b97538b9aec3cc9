import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { decodeJwt } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createKeyClient } from "../support/client-keys.js";
import { seedOrganization } from "../support/graphql-session.js";
import { ROOT } from "../support/server-process.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

function runExample(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [`${ROOT}docs/examples/private-key-jwt.mjs`, ...args], { cwd: ROOT, env: { PATH: process.env.PATH, ...env }, stdio: ["ignore", "pipe", "inherit"] });
    let stdout = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.once("exit", (code) => resolve({ code, stdout }));
  });
}

/** docs/examples/private-key-jwt.mjs runs as documented and gets a token. */
describe("the private_key_jwt example script", () => {
  let app: TestApp;
  let dir: string;

  beforeAll(async () => {
    app = await startTestApp();
    dir = mkdtempSync(join(tmpdir(), "clavis-example-"));
  });

  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await app.close();
  });

  it("generates a key pair, and with its private half gets a token for the client its public half was registered with", async () => {
    expect((await runExample(["generate-key", dir])).code).toBe(0);
    const seeded = await seedOrganization(app, "Example", "owner@example.test");
    const client = await createKeyClient(seeded.session, seeded.organization.id, [{ pem: readFileSync(join(dir, "public.pem"), "utf8") }]);
    const env = { CLAVIS_URL: app.url, CLAVIS_CLIENT_ID: client.clientId, PRIVATE_KEY_FILE: join(dir, "private.pem"), SCOPE: "blogs.read" };
    for (let run = 0; run < 2; run += 1) {
      const result = await runExample([], env);
      expect(result.code).toBe(0);
      const body = JSON.parse(result.stdout) as Record<string, unknown>;
      expect(body).toMatchObject({ token_type: "Bearer", scope: "blogs.read" });
      expect(decodeJwt(body.access_token as string)).toMatchObject({ sub: client.clientId, iss: app.url });
    }
  });
});
