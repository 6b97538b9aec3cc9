import "reflect-metadata";
import { generateKeyPairSync } from "node:crypto";
import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify, type JSONWebKeySet } from "jose";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { createDataSource, migrate } from "../../src/db/data-source.js";
import { decryptPrivateKey } from "../../src/modules/signing-keys/key-encryption.js";
import { SigningKey } from "../../src/modules/signing-keys/signing-key.entity.js";
import { freePort } from "../support/free-port.js";
import { postForm, basic } from "../support/oauth-http.js";
import { runCli } from "../support/run-cli.js";
import { ROOT, runServerToExit, startServerProcess } from "../support/server-process.js";
import { createTestDatabase, testDbKind, type TestDatabase } from "../support/test-database.js";

const KEY_FILE = "clavis-key-encryption.key";
const ENV_KEY = "an-environment-key-of-at-least-32-characters";
const SLOW = 90_000;

interface KeyRow {
  kind: string;
  value: string;
  isEncrypted: boolean;
}

/** Every stored key, signing keys and server keys, as the database holds them. */
async function storedKeys(url: string): Promise<KeyRow[]> {
  const dataSource = createDataSource(loadConfig({ DATABASE_URL: url }).database);
  await dataSource.initialize();
  try {
    const signing = (await dataSource.query("SELECT kid, private_key, is_encrypted FROM signing_keys")) as { kid: string; private_key: string; is_encrypted: unknown }[];
    const server = (await dataSource.query("SELECT name, value, is_encrypted FROM server_keys")) as { name: string; value: string; is_encrypted: unknown }[];
    return [
      ...signing.map((row) => ({ kind: `signing:${row.kid}`, value: row.private_key, isEncrypted: Number(row.is_encrypted) === 1 })),
      ...server.map((row) => ({ kind: `server:${row.name}`, value: row.value, isEncrypted: Number(row.is_encrypted) === 1 })),
    ];
  } finally {
    await dataSource.destroy();
  }
}

function expectAllEncrypted(rows: KeyRow[]): void {
  expect(rows.some((row) => row.kind.startsWith("signing:"))).toBe(true);
  expect(rows.some((row) => row.kind.startsWith("server:"))).toBe(true);
  for (const row of rows) {
    expect(row).toMatchObject({ isEncrypted: true, value: expect.stringMatching(/^v1:[A-Za-z0-9_-]+$/) });
    expect(row.value).not.toContain('"d":');
  }
}

const json = (stdout: string) => JSON.parse(stdout.trim().split("\n")[0]) as Record<string, any>;

/** An organization and a client made with the clavis CLI, as an operator would. */
async function cliClient(env: Record<string, string>, organizationId?: string) {
  let org = organizationId;
  if (org === undefined) {
    const created = await runCli(["org", "create", "--name", "Keys", "--format", "json"], env);
    expect(created.stderr).toBe("");
    org = json(created.stdout).id as string;
  }
  const client = await runCli(["api-client", "create", "--org", org, "--perm", "blogs.read", "--format", "json"], env);
  expect(client.stderr).toBe("");
  const parsed = json(client.stdout);
  return { organizationId: org, clientId: parsed.clientId as string, secret: parsed.clientSecret as string };
}

async function issue(url: string, client: { clientId: string; secret: string }): Promise<string> {
  const response = await postForm(url, "/token", { grant_type: "client_credentials" }, { authorization: basic(client.clientId, client.secret) });
  expect(response.status).toBe(200);
  return response.body?.access_token as string;
}

async function verifies(url: string, token: string): Promise<boolean> {
  const jwks = (await (await fetch(`${url}/.well-known/jwks.json`)).json()) as JSONWebKeySet;
  return jwtVerify(token, createLocalJWKSet(jwks), { typ: "at+jwt" }).then(() => true, () => false);
}

async function startServer(env: Record<string, string>) {
  return startServerProcess(env, await freePort());
}

describe(`keys at rest on ${testDbKind()}`, () => {
  const cleanups: (() => Promise<void> | void)[] = [];

  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  async function freshDatabase(): Promise<TestDatabase> {
    const db = await createTestDatabase();
    cleanups.push(() => db.drop());
    return db;
  }

  // Its own SQLite file, whatever database the project runs on.
  it(
    "on a fresh SQLite start, creates the data directory 0700, the database and a key file 0600, and stores every key encrypted",
    async () => {
      const dir = mkdtempSync(join(tmpdir(), "clavis-keys-"));
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
      const database = join(dir, "data", "clavis.sqlite");
      const server = await startServer({ DATABASE_URL: `sqlite:${database}` });
      try {
        expect(statSync(dirname(database)).mode & 0o777).toBe(0o700);
        expect(statSync(database).mode & 0o777).toBe(0o600);
        expect(statSync(join(dir, "data", KEY_FILE)).mode & 0o777).toBe(0o600);
        expect(server.output()).toContain(
          `"msg":"The signing keys and the secret digest key are encrypted with the key in ${join(dir, "data", KEY_FILE)}, not with CLAVIS_KEY_ENCRYPTION_KEY: back that file up apart from the database, or set CLAVIS_KEY_ENCRYPTION_KEY"`,
        );
        expectAllEncrypted(await storedKeys(`sqlite:${database}`));
      } finally {
        expect(await server.stop()).toBe(0);
      }
    },
    SLOW,
  );

  // Only where a MySQL server is at hand: the sqlite project has none.
  if (testDbKind() === "mysql") it(
    "on MySQL without CLAVIS_KEY_ENCRYPTION_KEY, keeps a key file 0600 under data/ of the working directory and warns that every node needs the same key",
    async () => {
      const db = await freshDatabase();
      const server = await startServer({ DATABASE_URL: db.url });
      try {
        const file = join(ROOT, "data", KEY_FILE);
        expect(statSync(file).mode & 0o777).toBe(0o600);
        expect(server.output()).toContain(
          `"msg":"The signing keys and the secret digest key are encrypted with the key in ${file}, not with CLAVIS_KEY_ENCRYPTION_KEY: every node sharing the database needs the same key, so set CLAVIS_KEY_ENCRYPTION_KEY"`,
        );
        expectAllEncrypted(await storedKeys(db.url));
      } finally {
        expect(await server.stop()).toBe(0);
      }
    },
    SLOW,
  );

  it(
    "encrypts a signing key stored in the clear before, keeping its kid, on the next start",
    async () => {
      const db = await freshDatabase();
      const dataSource = createDataSource(loadConfig({ DATABASE_URL: db.url }).database);
      await dataSource.initialize();
      const kid = "2025-01-01-plaintext";
      try {
        await migrate(dataSource);
        // As the server stored it without CLAVIS_KEY_ENCRYPTION_KEY before: the private JWK as is.
        const { publicKey, privateKey } = generateKeyPairSync("ed25519");
        await dataSource.getRepository(SigningKey).insert({
          kid,
          algorithm: "EdDSA",
          publicJwk: JSON.stringify(publicKey.export({ format: "jwk" })),
          privateKey: JSON.stringify(privateKey.export({ format: "jwk" })),
          isEncrypted: false,
          status: "ACTIVE",
          createdAt: new Date(),
          retiredAt: null,
          publishUntil: null,
        });
      } finally {
        await dataSource.destroy();
      }
      expect((await storedKeys(db.url)).find((row) => row.kind === `signing:${kid}`)?.value).toContain('"d":');
      const server = await startServer({ DATABASE_URL: db.url });
      try {
        const rows = await storedKeys(db.url);
        expectAllEncrypted(rows);
        expect(rows.filter((row) => row.kind.startsWith("signing:")).map((row) => row.kind)).toEqual([`signing:${kid}`]);
        const token = await issue(server.url, await cliClient({ DATABASE_URL: db.url }));
        expect(decodeProtectedHeader(token).kid).toBe(kid);
        expect(await verifies(server.url, token)).toBe(true);
      } finally {
        expect(await server.stop()).toBe(0);
      }
    },
    SLOW,
  );

  it(
    "moves every key from the key file to CLAVIS_KEY_ENCRYPTION_KEY once it is set; secrets and tokens from before keep working",
    async () => {
      const db = await freshDatabase();
      const fileEnv = { DATABASE_URL: db.url };
      const first = await startServer(fileEnv);
      let client: { organizationId: string; clientId: string; secret: string };
      let before: string;
      try {
        client = await cliClient(fileEnv);
        before = await issue(first.url, client);
      } finally {
        expect(await first.stop()).toBe(0);
      }
      const underFile = await storedKeys(db.url);
      expectAllEncrypted(underFile);
      expect(() => decryptPrivateKey(underFile[0].value, ENV_KEY)).toThrow();

      const envEnv = { DATABASE_URL: db.url, CLAVIS_KEY_ENCRYPTION_KEY: ENV_KEY };
      const second = await startServer(envEnv);
      try {
        expect(second.output()).not.toContain("are encrypted with the key in");
        const underEnv = await storedKeys(db.url);
        expectAllEncrypted(underEnv);
        expect(underEnv.map((row) => row.kind).sort()).toEqual(underFile.map((row) => row.kind).sort());
        for (const row of underEnv) expect(() => decryptPrivateKey(row.value, ENV_KEY)).not.toThrow();
        expect(await verifies(second.url, before)).toBe(true);
        const after = await issue(second.url, client);
        expect(decodeProtectedHeader(after).kid).toBe(decodeProtectedHeader(before).kid);
        expect(await verifies(second.url, after)).toBe(true);
        const another = await cliClient(envEnv, client.organizationId);
        expect(await verifies(second.url, await issue(second.url, another))).toBe(true);
      } finally {
        expect(await second.stop()).toBe(0);
      }
    },
    SLOW,
  );

  it(
    "refuses to start, and the CLI to hash a secret, in one line, when CLAVIS_KEY_ENCRYPTION_KEY does not decrypt the stored keys and no key file does",
    async () => {
      const db = await freshDatabase();
      const server = await startServer({ DATABASE_URL: db.url, CLAVIS_KEY_ENCRYPTION_KEY: ENV_KEY });
      expect(await server.stop()).toBe(0);
      if (db.kind === "sqlite") expect(existsSync(join(dirname(db.url.slice("sqlite:".length)), KEY_FILE))).toBe(false);
      const result = await runServerToExit({ DATABASE_URL: db.url, CLAVIS_KEY_ENCRYPTION_KEY: "another-key-of-at-least-32-characters-long", PORT: String(await freePort()), HOST: "127.0.0.1" });
      expect({ code: result.code, stderr: result.stderr }).toEqual({
        code: 1,
        stderr: "Configuration error: CLAVIS_KEY_ENCRYPTION_KEY cannot be used: CLAVIS_KEY_ENCRYPTION_KEY does not decrypt the stored signing keys (was it changed?)\n",
      });
      const wrongEnv = { DATABASE_URL: db.url, CLAVIS_KEY_ENCRYPTION_KEY: "another-key-of-at-least-32-characters-long" };
      const organization = json((await runCli(["org", "create", "--name", "Wrong key", "--format", "json"], wrongEnv)).stdout);
      const refused = await runCli(["api-client", "create", "--org", organization.id, "--format", "text"], wrongEnv);
      expect(refused).toEqual({
        code: 1,
        stdout: "",
        stderr: "USAGE: Configuration error: CLAVIS_KEY_ENCRYPTION_KEY cannot be used: CLAVIS_KEY_ENCRYPTION_KEY does not decrypt the stored secret digest key (was it changed?)\n",
      });
    },
    SLOW,
  );
});
