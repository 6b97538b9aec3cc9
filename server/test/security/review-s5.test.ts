import { createHash, generatePrimeSync, randomUUID, sign } from "node:crypto";
import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClientPublicKey } from "../../src/modules/api-clients/api-client-public-key.entity.js";
import { createCtx } from "../../src/services.js";
import { createKeyClient, INVALID_CLIENT, signAssertion, testKey, tokenByAssertion, type TestKey } from "../support/client-keys.js";
import { seedOrganization, type GraphQLSession } from "../support/graphql-session.js";
import { tokenFor } from "../support/oauth-http.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

// Callers are told apart by X-Forwarded-For, which a server behind a loopback proxy trusts.
const PROXIED = { CLAVIS_TRUST_PROXY: "loopback" };

/**
 * Review of session 5 (issues 14 and 17). The bench saw 429s for right operator-chosen
 * secrets when many workers started at once: every concurrent first use ran argon2id of its
 * own and took a slot of the address's hash budget, though they all checked the same secret.
 */
describe("review s5: concurrent first uses of a chosen secret", () => {
  let app: TestApp;
  let organizationId: string;

  beforeAll(async () => {
    app = await startTestApp(PROXIED);
    organizationId = (await seedOrganization(app, "Acme", "owner@acme.test", { maxApiClients: 50 })).organization.id;
  });

  afterAll(async () => {
    await app.close();
  });

  /** A client with an operator-chosen secret (clavis api-client create --secret-stdin), stored with argon2id. */
  async function chosenSecretClient(name: string) {
    const secret = `${name}-chosen-secret-abcdefghijklmnopqrstuvwxyz-0123456789`;
    const created = await app.app.services.apiClients.create(createCtx(app.app.dataSource, { type: "SYSTEM" }), { organizationId, name, role: "reader", secret });
    return { clientId: created.apiClient.client.clientId, secret };
  }

  it("issues a token to each of 64 concurrent workers of two chosen-secret integrations behind one address, spending one hash slot per secret", async () => {
    const address = "198.51.100.70";
    const clients = [await chosenSecretClient("gateway-a"), await chosenSecretClient("gateway-b")];
    const budgetBefore = await app.app.services.hashBudget.remaining(address);
    const results = await Promise.all(clients.flatMap((client) => Array.from({ length: 64 }, () => tokenFor(app, client.clientId, client.secret, {}, { "x-forwarded-for": address }))));
    const statuses = new Map<number, number>();
    for (const result of results) statuses.set(result.status, (statuses.get(result.status) ?? 0) + 1);
    expect(Object.fromEntries(statuses)).toEqual({ 200: 128 });
    // One argon2id run per secret; the other 63 requests of each waited for it.
    expect(budgetBefore - (await app.app.services.hashBudget.remaining(address))).toBe(2);
  });

  it("still refuses each concurrent wrong guess of a chosen secret, counting every one as a failure", async () => {
    const address = "198.51.100.71";
    const client = await chosenSecretClient("guessed");
    const wrong = await Promise.all(Array.from({ length: 10 }, () => tokenFor(app, client.clientId, "the-same-wrong-guess", {}, { "x-forwarded-for": address })));
    expect(wrong.map((result) => result.status)).toEqual(Array(10).fill(401));
    // The pair's limit is 10 failures a minute: a shared argon2id run still counts each request.
    const right = await tokenFor(app, client.clientId, client.secret, {}, { "x-forwarded-for": address });
    expect(right.status).toBe(429);
  });
});

const CREATE_KEYED = "mutation($input: CreateApiClientInput!) { createApiClient(input: $input) { clientSecret apiClient { id clientId } } }";
const reasons = (error: { code?: string; fields?: object[] }) => ({ code: error.code, reasons: (error.fields ?? []).map((field) => (field as { reason: string }).reason) });
const wire = (response: { status: number; body: unknown }) => ({ status: response.status, body: response.body });

/**
 * An RS256 signature made without the private key: with e = 1, "verifying" raises the signature
 * to the first power, so the PKCS#1 v1.5 encoding of the hash is its own signature under any n.
 */
function forgedRs256(payload: Record<string, unknown>, modulusBytes: number): string {
  const input = `${Buffer.from(JSON.stringify({ alg: "RS256" })).toString("base64url")}.${Buffer.from(JSON.stringify(payload)).toString("base64url")}`;
  const digestInfo = Buffer.concat([Buffer.from("3031300d060960864801650304020105000420", "hex"), createHash("sha256").update(input).digest()]);
  const encoded = Buffer.concat([Buffer.from([0, 1]), Buffer.alloc(modulusBytes - 3 - digestInfo.length, 0xff), Buffer.from([0]), digestInfo]);
  return `${input}.${encoded.toString("base64url")}`;
}

/** Encodings of Ed25519 points of order 1, 2, 4 and 8 (libsodium's list): 0 (order 4), the identity, two of order 8, p - 1, p and p + 1. */
const SMALL_ORDER_ED25519 = [
  Buffer.alloc(32),
  Buffer.concat([Buffer.from([1]), Buffer.alloc(31)]),
  Buffer.from("26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05", "hex"),
  Buffer.from("c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a", "hex"),
  Buffer.concat([Buffer.from([0xec]), Buffer.alloc(30, 0xff), Buffer.from([0x7f])]),
  Buffer.concat([Buffer.from([0xed]), Buffer.alloc(30, 0xff), Buffer.from([0x7f])]),
  Buffer.concat([Buffer.from([0xee]), Buffer.alloc(30, 0xff), Buffer.from([0x7f])]),
];

describe("review s5: private_key_jwt", () => {
  let app: TestApp;
  let owner: GraphQLSession;
  let organizationId: string;
  let ed: TestKey;
  let address = 0;
  const from = () => ({ "x-forwarded-for": `203.0.113.${++address}` });
  const create = (publicKeys: unknown[]) => owner.errorOf(CREATE_KEYED, { input: { organizationId, name: "Keyed", environment: "LIVE", role: "reader", authMethod: "PRIVATE_KEY_JWT", publicKeys } });

  beforeAll(async () => {
    app = await startTestApp(PROXIED);
    const seeded = await seedOrganization(app, "Keyring", "keyring@acme.test", { maxApiClients: 50 });
    owner = seeded.session;
    organizationId = seeded.organization.id;
    ed = testKey("ed25519");
  });

  afterAll(async () => {
    await app.close();
  });

  it("refuses an RSA public key whose exponent is 1 (anyone could sign for it) or below 65537", async () => {
    // 2048 bits, odd; with e = 1 no factors are needed to sign for it.
    const modulus = Buffer.alloc(256, 0xff);
    modulus[255] = 0xfb;
    for (const e of [1, 3]) {
      const jwk = { kty: "RSA", n: modulus.toString("base64url"), e: Buffer.from([e]).toString("base64url") };
      expect(reasons(await create([{ jwk }]))).toEqual({ code: "BAD_USER_INPUT", reasons: ["PUBLIC_KEY_RSA_EXPONENT"] });
    }
  });

  it("never lets an e = 1 key stored before the check verify a forged assertion", async () => {
    const client = await createKeyClient(owner, organizationId, [ed]);
    const modulus = Buffer.alloc(256, 0xff);
    modulus[255] = 0xfb;
    const jwk = JSON.stringify({ kty: "RSA", n: modulus.toString("base64url"), e: "AQ", kid: "weak", use: "sig" });
    await app.app.dataSource.manager.insert(ApiClientPublicKey, { id: randomUUID(), apiClientId: client.id, kid: "weak", keyType: "RSA/2048", algorithm: "RS256 PS256", thumbprint: "weak-thumbprint", jwk, createdAt: new Date(), expiresAt: null });
    const now = Math.floor(Date.now() / 1000);
    const forged = forgedRs256({ iss: client.clientId, sub: client.clientId, aud: app.url, iat: now, exp: now + 60, jti: randomUUID() }, 256);
    expect(wire(await tokenByAssertion(app, forged, {}, from()))).toEqual(INVALID_CLIENT);
  });

  it("refuses an RSA public key whose modulus anyone can factor: a prime, or a prime times a small factor", async () => {
    const prime = generatePrimeSync(2048, { bigint: true });
    const jwkOf = (n: bigint) => ({ kty: "RSA", n: Buffer.from(n.toString(16).padStart(Math.ceil(n.toString(16).length / 2) * 2, "0"), "hex").toString("base64url"), e: "AQAB" });
    for (const n of [prime, 3n * prime]) expect(reasons(await create([{ jwk: jwkOf(n) }]))).toEqual({ code: "BAD_USER_INPUT", reasons: ["PUBLIC_KEY_WEAK"] });
    // A real key still passes.
    expect((await createKeyClient(owner, organizationId, [testKey("rsa")])).clientSecret).toBeNull();
  });

  it("refuses an Ed25519 public key of small order, under which one signature verifies for every message", async () => {
    for (const x of SMALL_ORDER_ED25519) {
      expect(reasons(await create([{ jwk: { kty: "OKP", crv: "Ed25519", x: x.toString("base64url") } }]))).toEqual({ code: "BAD_USER_INPUT", reasons: ["PUBLIC_KEY_WEAK"] });
    }
  });

  it("never lets a small-order Ed25519 key stored before the check verify a forged assertion", async () => {
    const client = await createKeyClient(owner, organizationId, [ed]);
    const jwk = JSON.stringify({ kty: "OKP", crv: "Ed25519", x: SMALL_ORDER_ED25519[1].toString("base64url"), kid: "identity", use: "sig" });
    await app.app.dataSource.manager.insert(ApiClientPublicKey, { id: randomUUID(), apiClientId: client.id, kid: "identity", keyType: "OKP/Ed25519", algorithm: "EdDSA", thumbprint: "identity-thumbprint", jwk, createdAt: new Date(), expiresAt: null });
    const now = Math.floor(Date.now() / 1000);
    const input = `${Buffer.from(JSON.stringify({ alg: "EdDSA", kid: "identity" })).toString("base64url")}.${Buffer.from(JSON.stringify({ iss: client.clientId, sub: client.clientId, aud: app.url, iat: now, exp: now + 60, jti: randomUUID() })).toString("base64url")}`;
    // R = the identity point, S = 0: [0]B = R + [k]A whatever k, as A is the identity.
    const forged = `${input}.${Buffer.concat([SMALL_ORDER_ED25519[1], Buffer.alloc(32)]).toString("base64url")}`;
    expect(wire(await tokenByAssertion(app, forged, {}, from()))).toEqual(INVALID_CLIENT);
  });

  it("ignores a jwk, jku or x5u header naming the caller's own key, and a kid of another client's key", async () => {
    const victim = await createKeyClient(owner, organizationId, [ed]);
    const attacker = testKey("ed25519");
    const now = Math.floor(Date.now() / 1000);
    const claims = () => ({ iss: victim.clientId, sub: victim.clientId, aud: app.url, iat: now, exp: now + 60, jti: randomUUID() });
    const embedded = await new SignJWT(claims()).setProtectedHeader({ alg: "EdDSA", jwk: attacker.publicJwk as never }).sign(attacker.privateKey);
    const pointed = await new SignJWT(claims()).setProtectedHeader({ alg: "EdDSA", kid: ed.kid, jku: "https://attacker.example/jwks", x5u: "https://attacker.example/cert" }).sign(attacker.privateKey);
    const otherKid = await signAssertion(victim.clientId, app.url, { key: attacker, kid: ed.kid });
    for (const assertion of [embedded, pointed, otherKid]) expect(wire(await tokenByAssertion(app, assertion, {}, from()))).toEqual(INVALID_CLIENT);
    // The victim's own assertion still works.
    expect((await tokenByAssertion(app, await signAssertion(victim.clientId, app.url, { key: ed }), {}, from())).status).toBe(200);
  });

  it("refuses an assertion with an unknown critical header, a 10 KB jti, or an exp an hour ahead", async () => {
    const client = await createKeyClient(owner, organizationId, [ed]);
    const now = Math.floor(Date.now() / 1000);
    const claims = (extra: Record<string, unknown> = {}) => ({ iss: client.clientId, sub: client.clientId, aud: app.url, iat: now, exp: now + 60, jti: randomUUID(), ...extra });
    // jose will not sign with a header it does not understand, so this one is signed by hand.
    const critInput = `${Buffer.from(JSON.stringify({ alg: "EdDSA", kid: ed.kid, crit: ["urn:example:must-understand"], "urn:example:must-understand": true })).toString("base64url")}.${Buffer.from(JSON.stringify(claims())).toString("base64url")}`;
    const crit = `${critInput}.${sign(null, Buffer.from(critInput), ed.privateKey).toString("base64url")}`;
    const longJti = await new SignJWT(claims({ jti: "j".repeat(10_240) })).setProtectedHeader({ alg: "EdDSA", kid: ed.kid }).sign(ed.privateKey);
    const farExp = await new SignJWT(claims({ iat: undefined, exp: now + 3600 })).setProtectedHeader({ alg: "EdDSA", kid: ed.kid }).sign(ed.privateKey);
    for (const assertion of [crit, longJti, farExp]) expect(wire(await tokenByAssertion(app, assertion, {}, from()))).toEqual(INVALID_CLIENT);
  });
});
