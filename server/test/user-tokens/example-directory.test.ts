import { spawn, type ChildProcess } from "node:child_process";
import { decodeJwt } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../support/free-port.js";
import { seedOrganization } from "../support/graphql-session.js";
import { basic, createClient, postForm } from "../support/oauth-http.js";
import { ROOT } from "../support/server-process.js";
import { startTestApp, type TestApp } from "../support/test-app.js";
import { DIRECTORY_SECRET } from "../support/user-directory-server.js";

/** docs/examples/user-directory.mjs runs as documented and Clavis logs its users in. */
describe("the example user directory", () => {
  let app: TestApp;
  let directory: ChildProcess;
  let client: { clientId: string; secret: string };

  beforeAll(async () => {
    const port = await freePort();
    app = await startTestApp({ CLAVIS_USER_DIRECTORY_URL: `http://127.0.0.1:${port}/clavis/users`, CLAVIS_USER_DIRECTORY_SECRET: DIRECTORY_SECRET });
    const seeded = await seedOrganization(app, "Example", "owner@example.test");
    client = await createClient(seeded.session, seeded.organization.id, { name: "Portal", allowLogin: true, allowImpersonate: true });
    directory = spawn(process.execPath, [`${ROOT}docs/examples/user-directory.mjs`], {
      env: { PATH: process.env.PATH, PORT: String(port), CLAVIS_USER_DIRECTORY_SECRET: DIRECTORY_SECRET, ORGANIZATION_ID: seeded.organization.id },
      stdio: ["ignore", "pipe", "inherit"],
    });
    // Ready when it says where it listens.
    await new Promise<void>((resolve, reject) => {
      directory.stdout?.on("data", (chunk: Buffer) => chunk.toString().includes("user directory on") && resolve());
      directory.once("exit", (code) => reject(new Error(`the example directory exited with ${code}`)));
    });
  });

  afterAll(async () => {
    if (directory?.exitCode === null) {
      const exited = new Promise((resolve) => directory.once("exit", resolve));
      directory.kill();
      await exited;
    }
    await app?.close();
  });

  const token = (params: Record<string, string>) => postForm(app.url, "/token", { grant_type: "password", ...params }, { authorization: basic(client.clientId, client.secret) });

  it("logs alice in, refuses a wrong password, and lets a flagged client impersonate bob by id", async () => {
    const alice = await token({ auth_type: "login", username: "alice", password: "alice-password-1" });
    expect(alice.status).toBe(200);
    expect(decodeJwt(alice.body?.access_token)).toMatchObject({ sub: "41", preferred_username: "alice", name: "Alice Andersson", locale: "sv", auth_type: "login" });
    const wrong = await token({ auth_type: "login", username: "alice", password: "bob-password-123" });
    expect({ status: wrong.status, body: wrong.body }).toEqual({ status: 400, body: { error: "invalid_grant", error_description: "The username or password is wrong" } });
    const bob = await token({ auth_type: "impersonate", id: "42" });
    expect(decodeJwt(bob.body?.access_token)).toMatchObject({ sub: "42", preferred_username: "bob", auth_type: "impersonate", act: { sub: client.clientId } });
  });
});
