import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SignJWT, generateKeyPair } from "jose";
import { afterAll, describe, expect, it } from "vitest";
import { generateSecret, hashSecret } from "../../src/modules/api-clients/client-secret.js";
import { generateInvitationToken, hashInvitationToken } from "../../src/modules/invitations/invitation-token.js";
import { scanForLeaks } from "../support/leak-scan.js";

describe("the end-of-suite leak scan", () => {
  const dir = mkdtempSync(join(tmpdir(), "clavis-leak-scan-"));

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("finds a client secret, an access token and the tests' password, and nothing in hashes or hints", async () => {
    const secret = generateSecret("STAGING");
    const { privateKey } = await generateKeyPair("EdDSA");
    const token = await new SignJWT({ scope: "blogs.read" }).setProtectedHeader({ alg: "EdDSA", typ: "at+jwt" }).setIssuedAt().sign(privateKey);
    writeFileSync(join(dir, "clean.log"), JSON.stringify({ hash: await hashSecret(secret), hint: secret.slice(-4), msg: "request" }));
    writeFileSync(join(dir, "secret.log"), `{"msg":"oops","value":"${secret}"}`);
    writeFileSync(join(dir, "token.json"), JSON.stringify({ rows: [{ header: `Bearer ${token}` }] }));
    writeFileSync(join(dir, "password.log"), "password=correct horse battery");
    expect(scanForLeaks(dir).sort()).toEqual([
      `password.log: a password (correct horse ba…)`,
      `secret.log: a client secret (${secret.slice(0, 16)}…)`,
      `token.json: an access token (${token.slice(0, 16)}…)`,
    ]);
  });

  it("finds the token of an invitation link, and nothing in its stored hash", () => {
    const token = generateInvitationToken();
    const own = mkdtempSync(join(tmpdir(), "clavis-leak-scan-invitation-"));
    try {
      writeFileSync(join(own, "db.json"), JSON.stringify({ member_invitations: [{ token_hash: hashInvitationToken(token) }] }));
      writeFileSync(join(own, "app.log"), JSON.stringify({ msg: "request", path: `/invitation/${token}` }));
      expect(scanForLeaks(own)).toEqual([`app.log: a token of an invitation link (${token.slice(0, 16)}…)`]);
    } finally {
      rmSync(own, { recursive: true, force: true });
    }
  });
});
