import { describe, expect, it } from "vitest";
import { federatedCredentialErrors, federatedCredentialListErrors } from "./federated-credential.rules.js";
import { publicKeySet } from "./issuer-keys.js";

const GITHUB = "https://token.actions.githubusercontent.com";
const valid = { name: "deploy", issuer: GITHUB, audience: "https://clavis.example.com", subject: "repo:acme/app:ref:refs/heads/main" };

describe("federated credential rules", () => {
  it("accepts an allowlisted issuer with an exact audience and subject", () => {
    expect(federatedCredentialErrors(valid, [GITHUB])).toEqual([]);
  });

  it("refuses an issuer off the allowlist, even one differing by a trailing slash", () => {
    expect(federatedCredentialErrors({ ...valid, issuer: `${GITHUB}/` }, [GITHUB]).map((error) => [error.field, error.reason])).toEqual([["issuer", "FEDERATION_ISSUER_NOT_ALLOWED"]]);
  });

  it("refuses wildcards, empty or overlong values and surrounding spaces", () => {
    const reasons = (data: Partial<typeof valid>) => federatedCredentialErrors({ ...valid, ...data }, [GITHUB]).map((error) => `${error.field}:${error.reason}`);
    expect(reasons({ subject: "repo:acme/*" })).toEqual(["subject:FEDERATED_SUBJECT_WILDCARD"]);
    expect(reasons({ audience: "" })).toEqual(["audience:FEDERATED_VALUE_INVALID"]);
    expect(reasons({ subject: "s".repeat(256) })).toEqual(["subject:FEDERATED_VALUE_INVALID"]);
    expect(reasons({ subject: " repo:acme/app" })).toEqual(["subject:FEDERATED_VALUE_INVALID"]);
    expect(reasons({ name: "" })).toEqual(["name:NAME_REQUIRED"]);
  });

  it("wants 1 to 20 credentials at creation, no two alike, each named by its position", () => {
    expect(federatedCredentialListErrors([], [GITHUB]).map((error) => error.reason)).toEqual(["FEDERATED_CREDENTIALS_COUNT"]);
    expect(federatedCredentialListErrors(Array.from({ length: 21 }, (_, i) => ({ ...valid, subject: `s${i}` })), [GITHUB]).map((error) => error.reason)).toEqual(["FEDERATED_CREDENTIALS_COUNT"]);
    expect(federatedCredentialListErrors([valid, { ...valid, name: "again" }], [GITHUB]).map((error) => `${error.field}:${error.reason}`)).toEqual(["federatedCredentials.1:FEDERATED_CREDENTIAL_DUPLICATE"]);
    expect(federatedCredentialListErrors([valid, { ...valid, issuer: "https://evil.example" }], [GITHUB]).map((error) => error.field)).toEqual(["federatedCredentials.1.issuer"]);
  });
});

describe("an issuer's published key set", () => {
  const publicKey = { kty: "EC", crv: "P-256", x: "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU", y: "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0", kid: "a" };

  it("keeps public keys and refuses a set holding a private or symmetric key whole", () => {
    expect(publicKeySet({ keys: [publicKey] })).toEqual({ keys: [publicKey] });
    expect(() => publicKeySet({ keys: [publicKey, { ...publicKey, kid: "b", d: "jpsQnnGQmL-YBIffH1136cspYG6-0iY7X1fCE9-E9LI" }] })).toThrow("private or symmetric");
    expect(() => publicKeySet({ keys: [{ kty: "oct", k: "c2VjcmV0" }] })).toThrow("private or symmetric");
    expect(() => publicKeySet({ keys: [] })).toThrow("1 to 100");
    expect(() => publicKeySet("keys")).toThrow("1 to 100");
  });
});
