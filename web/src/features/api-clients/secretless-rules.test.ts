import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { abbreviateThumbprint, authChoiceInput, federatedProblems, fieldErrorUnder, INITIAL_AUTH_CHOICE, keyExpiry, shownAuthProblems, parsePublicKey, publicKeyInput } from "./secretless-rules";

const ed25519 = generateKeyPairSync("ed25519");
const publicPem = ed25519.publicKey.export({ type: "spki", format: "pem" }).toString();
const privatePem = ed25519.privateKey.export({ type: "pkcs8", format: "pem" }).toString();
const publicJwk = ed25519.publicKey.export({ format: "jwk" });
const privateJwk = ed25519.privateKey.export({ format: "jwk" });

describe("a pasted public key, checked lightly before the server judges it", () => {
  it("takes a PEM SPKI public key as pem, trimmed of surrounding blank lines", () => {
    expect(parsePublicKey(`\n  ${publicPem}\n\n`)).toEqual({ key: { pem: publicPem } });
  });

  it("takes a public JWK as jwk", () => {
    expect(parsePublicKey(JSON.stringify(publicJwk, null, 2))).toEqual({ key: { jwk: publicJwk } });
  });

  it("refuses a private key, PEM or JWK, and never sends it", () => {
    expect(parsePublicKey(privatePem)).toEqual({ problem: "clientAuth.keyIsPrivate" });
    expect(parsePublicKey(JSON.stringify(privateJwk))).toEqual({ problem: "clientAuth.keyIsPrivate" });
    expect(parsePublicKey(JSON.stringify({ kty: "oct", k: "c2VjcmV0" }))).toEqual({ problem: "clientAuth.keyIsPrivate" });
  });

  it("names what is wrong with text that is no key", () => {
    expect(parsePublicKey("   ")).toEqual({ problem: "clientAuth.keyRequired" });
    expect(parsePublicKey("ssh-ed25519 AAAAC3Nz")).toEqual({ problem: "clientAuth.keyUnreadable" });
    expect(parsePublicKey("[1, 2]")).toEqual({ problem: "clientAuth.keyUnreadable" });
    expect(parsePublicKey(JSON.stringify({ crv: "Ed25519", x: "abc" }))).toEqual({ problem: "clientAuth.keyNoKty" });
    expect(parsePublicKey(JSON.stringify({ keys: [publicJwk] }))).toEqual({ problem: "clientAuth.keyIsSet" });
    expect(parsePublicKey(publicPem.replace("-----END PUBLIC KEY-----", ""))).toEqual({ problem: "clientAuth.keyPemMalformed" });
    expect(parsePublicKey(publicPem.replaceAll("PUBLIC KEY", "CERTIFICATE"))).toEqual({ problem: "clientAuth.keyPemNotSpki" });
    expect(parsePublicKey(publicPem.replace("-----END PUBLIC KEY-----", "-----END CERTIFICATE-----"))).toEqual({ problem: "clientAuth.keyPemMalformed" });
  });

  it("gives the key with its expiry as the end of the chosen day, or none", () => {
    expect(publicKeyInput(publicPem, "2030-05-01")).toEqual({ input: { pem: publicPem, expiresAt: "2030-05-01T23:59:59.999Z" } });
    expect(publicKeyInput(JSON.stringify(publicJwk), "")).toEqual({ input: { jwk: publicJwk, expiresAt: null } });
    expect(publicKeyInput("", "2030-05-01")).toEqual({ problem: "clientAuth.keyRequired" });
    expect(keyExpiry("")).toBeNull();
  });
});

describe("a federated credential's fields", () => {
  const draft = { name: "Deploy from main", issuer: "https://token.actions.githubusercontent.com", audience: "api://clavis", subject: "repo:acme/app:ref:refs/heads/main" };

  it("accepts a complete credential", () => {
    expect(federatedProblems(draft)).toEqual({});
  });

  it("requires every field and refuses a wildcard subject", () => {
    expect(federatedProblems({ name: " ", issuer: "", audience: "", subject: "" })).toEqual({ name: "clientAuth.required", issuer: "clientAuth.required", audience: "clientAuth.required", subject: "clientAuth.required" });
    expect(federatedProblems({ ...draft, subject: "repo:acme/app:*" })).toEqual({ subject: "clientAuth.subjectNoWildcards" });
  });
});

describe("a thumbprint in a table cell", () => {
  it("keeps its first 8 and last 4 characters", () => {
    expect(abbreviateThumbprint("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs")).toBe("NzbLsXh8…C9Xs");
    expect(abbreviateThumbprint("short")).toBe("short");
  });
});

describe("the create dialog's authentication choice as API input", () => {
  it("sends only the method for a client secret, whatever else was typed", () => {
    expect(authChoiceInput({ ...INITIAL_AUTH_CHOICE, keyText: "junk" })).toEqual({ input: { authMethod: "CLIENT_SECRET" } });
  });

  it("sends one public key, or the key's problem", () => {
    expect(authChoiceInput({ ...INITIAL_AUTH_CHOICE, method: "PRIVATE_KEY_JWT", keyText: publicPem, keyExpiresOn: "" })).toEqual({ input: { authMethod: "PRIVATE_KEY_JWT", publicKeys: [{ pem: publicPem, expiresAt: null }] } });
    expect(authChoiceInput({ ...INITIAL_AUTH_CHOICE, method: "PRIVATE_KEY_JWT", keyText: privatePem })).toEqual({ problems: { key: "clientAuth.keyIsPrivate" } });
  });

  it("sends one federated credential trimmed, or its fields' problems", () => {
    const credential = { name: " Deploy ", issuer: "https://token.actions.githubusercontent.com", audience: " api://clavis ", subject: " repo:acme/app:ref:refs/heads/main " };
    expect(authChoiceInput({ ...INITIAL_AUTH_CHOICE, method: "FEDERATED", credential })).toEqual({ input: { authMethod: "FEDERATED", federatedCredentials: [{ name: "Deploy", issuer: credential.issuer, audience: "api://clavis", subject: "repo:acme/app:ref:refs/heads/main" }] } });
    expect(authChoiceInput({ ...INITIAL_AUTH_CHOICE, method: "FEDERATED", credential: { ...credential, issuer: "" } })).toEqual({ problems: { credential: { issuer: "clientAuth.required" } } });
  });
});

describe("which problems of the authentication choice the owner sees", () => {
  const problems = { key: "clientAuth.keyIsPrivate" as const, credential: { name: "clientAuth.required" as const } };

  it("shows a pasted key's problem at once, and the rest only after a submit", () => {
    expect(shownAuthProblems(problems, false, "")).toEqual({});
    expect(shownAuthProblems(problems, false, privatePem)).toEqual({ key: "clientAuth.keyIsPrivate" });
    expect(shownAuthProblems(problems, true, "")).toEqual(problems);
  });
});

describe("server field errors placed at the field that caused them", () => {
  const fields = [
    { field: "publicKeys[0].expiresAt", message: "past" },
    { field: "publicKeys[0].jwk", message: "weak" },
    { field: "federatedCredentials.0.issuer", message: "not allowed" },
  ];

  it("finds the key's error apart from its expiry's", () => {
    expect(fieldErrorUnder(fields, ["publicKeys", "key"])).toBe("weak");
    expect(fieldErrorUnder(fields, ["publicKeys", "key"], "expiresAt")).toBe("past");
    expect(fieldErrorUnder([{ field: "key", message: "bad" }], ["publicKeys", "key"])).toBe("bad");
    expect(fieldErrorUnder([{ field: "key", reason: "PUBLIC_KEY_EXPIRY_IN_PAST", message: "past" }], ["key"])).toBeUndefined();
    expect(fieldErrorUnder([{ field: "key", reason: "PUBLIC_KEY_EXPIRY_IN_PAST", message: "past" }], ["key"], "expiresAt")).toBe("past");
  });

  it("finds a credential's error by its field", () => {
    expect(fieldErrorUnder(fields, ["federatedCredentials", "credential"], "issuer")).toBe("not allowed");
    expect(fieldErrorUnder(fields, ["federatedCredentials", "credential"], "subject")).toBeUndefined();
  });
});
