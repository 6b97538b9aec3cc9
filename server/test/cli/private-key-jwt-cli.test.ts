import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, type CliResult } from "../support/run-cli.js";
import { createTestDatabase, testDbKind, type TestDatabase } from "../support/test-database.js";

const failure = (result: CliResult) => (JSON.parse(result.stderr) as { error: { code: string; message: string } }).error;
const lines = (result: CliResult) => result.stdout.trim().split("\n").map((line) => JSON.parse(line) as Record<string, any>);

describe(`private_key_jwt clients in the clavis CLI on ${testDbKind()}`, () => {
  let db: TestDatabase;
  let env: Record<string, string>;
  let dir: string;
  let organizationId: string;
  const cli = (args: string[]) => runCli([...args, "--format", "json"], env);

  beforeAll(async () => {
    db = await createTestDatabase();
    env = { DATABASE_URL: db.url };
    dir = mkdtempSync(join(tmpdir(), "clavis-keys-"));
    expect((await cli(["migrate"])).code).toBe(0);
    organizationId = lines(await cli(["org", "create", "--name", "Keyed AB"]))[0].id;
  });

  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await db.drop();
  });

  it("creates a client from PEM and JWK files without a secret, adds and removes keys, never the last", async () => {
    const pemPath = join(dir, "ed25519.pem");
    writeFileSync(pemPath, generateKeyPairSync("ed25519").publicKey.export({ type: "spki", format: "pem" }));
    const jwkPath = join(dir, "p256.jwk.json");
    writeFileSync(jwkPath, JSON.stringify({ ...generateKeyPairSync("ec", { namedCurve: "P-256" }).publicKey.export({ format: "jwk" }), kid: "ci-2026" }));
    const created = await cli(["api-client", "create", "--org", organizationId, "--role", "reader", "--auth", "private_key_jwt", "--public-key", pemPath, "--public-key", jwkPath, "--key-expires", "2099-01-31"]);
    expect(created.code).toBe(0);
    const [client] = lines(created);
    expect(client).toMatchObject({ authMethod: "PRIVATE_KEY_JWT", secretHint: "" });
    expect(client).not.toHaveProperty("clientSecret");
    expect(created.stdout).not.toMatch(/Store the secret/);

    const rsaPath = join(dir, "rsa.pem");
    writeFileSync(rsaPath, generateKeyPairSync("rsa", { modulusLength: 2048 }).publicKey.export({ type: "spki", format: "pem" }));
    const added = await cli(["api-client", "key", "add", "--id", client.clientId, "--public-key", rsaPath]);
    expect(added.code).toBe(0);
    const keys = lines(added);
    expect(keys.map((key) => [key.keyType, key.expiresAt])).toEqual([["OKP/Ed25519", "2099-01-31T23:59:59.999Z"], ["EC/P-256", "2099-01-31T23:59:59.999Z"], ["RSA/2048", null]]);
    expect(keys[1].kid).toBe("ci-2026");

    expect(lines(await cli(["api-client", "key", "remove", "--id", client.clientId, "--key-id", "ci-2026"])).map((key) => key.keyType)).toEqual(["OKP/Ed25519", "RSA/2048"]);
    expect((await cli(["api-client", "key", "remove", "--id", client.clientId, "--key-id", keys[0].id])).code).toBe(0);
    const last = await cli(["api-client", "key", "remove", "--id", client.clientId, "--key-id", keys[2].kid]);
    expect(last).toMatchObject({ code: 2, stdout: "" });
    expect(failure(last)).toMatchObject({ code: "BAD_USER_INPUT", message: expect.stringMatching(/^A client keeps at least one public key/) });
    const reset = await cli(["api-client", "reset-secret", "--id", client.clientId]);
    expect(reset.code).toBe(2);
    expect(failure(reset)).toMatchObject({ code: "BAD_USER_INPUT", message: expect.stringMatching(/^This client authenticates without a secret/) });
  });

  it("refuses a private key file, and keys for a secret client", async () => {
    const privatePath = join(dir, "private.pem");
    writeFileSync(privatePath, generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }));
    const refused = await cli(["api-client", "create", "--org", organizationId, "--auth", "private_key_jwt", "--public-key", privatePath]);
    expect(refused.code).toBe(2);
    expect(failure(refused)).toMatchObject({ code: "BAD_USER_INPUT", message: expect.stringMatching(/^Key 1 is not a valid public JWK or PEM SPKI public key/) });
    const secretClient = lines(await cli(["api-client", "create", "--org", organizationId]))[0];
    const pemPath = join(dir, "another.pem");
    writeFileSync(pemPath, generateKeyPairSync("ed25519").publicKey.export({ type: "spki", format: "pem" }));
    const added = await cli(["api-client", "key", "add", "--id", secretClient.clientId, "--public-key", pemPath]);
    expect(added.code).toBe(2);
    expect(failure(added)).toMatchObject({ code: "BAD_USER_INPUT", message: expect.stringMatching(/^Only a PRIVATE_KEY_JWT client has public keys/) });
  });
});
