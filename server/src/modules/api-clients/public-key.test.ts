import { generateKeyPairSync } from "node:crypto";
import { calculateJwkThumbprint } from "jose";
import { describe, expect, it } from "vitest";
import { jwkThumbprint, parsePublicKey, type ParsedPublicKey } from "./public-key.js";

const jwkOf = (pair: { publicKey: import("node:crypto").KeyObject }) => pair.publicKey.export({ format: "jwk" }) as Record<string, unknown>;
const reasonOf = (result: ReturnType<typeof parsePublicKey>) => (Array.isArray(result) ? result.map((error) => error.reason) : "ok");

describe("client public keys", () => {
  it("accepts Ed25519, P-256 and RSA 2048, from a JWK or a PEM, kid defaulting to the RFC 7638 thumbprint", async () => {
    const ed = jwkOf(generateKeyPairSync("ed25519"));
    const parsed = parsePublicKey({ jwk: ed }, "publicKeys", 1) as ParsedPublicKey;
    expect(parsed).toMatchObject({ keyType: "OKP/Ed25519", algorithm: "EdDSA", kid: await calculateJwkThumbprint(ed as never), thumbprint: await calculateJwkThumbprint(ed as never) });
    const ec = generateKeyPairSync("ec", { namedCurve: "P-256" });
    expect(parsePublicKey({ pem: ec.publicKey.export({ type: "spki", format: "pem" }) as string }, "publicKeys", 1)).toMatchObject({ keyType: "EC/P-256", algorithm: "ES256" });
    const rsa = jwkOf(generateKeyPairSync("rsa", { modulusLength: 2048 }));
    expect(parsePublicKey({ jwk: { ...rsa, kid: "my-key" } }, "publicKeys", 1)).toMatchObject({ keyType: "RSA/2048", algorithm: "RS256 PS256", kid: "my-key" });
    expect(parsePublicKey({ jwk: { ...rsa, alg: "PS256" } }, "publicKeys", 1)).toMatchObject({ algorithm: "PS256" });
  });

  it("refuses small RSA, other curves, private members, private PEMs, malformed input and both forms", () => {
    expect(reasonOf(parsePublicKey({ jwk: jwkOf(generateKeyPairSync("rsa", { modulusLength: 1024 })) }, "k", 1))).toEqual(["PUBLIC_KEY_RSA_SIZE"]);
    expect(reasonOf(parsePublicKey({ jwk: jwkOf(generateKeyPairSync("ec", { namedCurve: "P-384" })) }, "k", 1))).toEqual(["PUBLIC_KEY_TYPE"]);
    const privateJwk = generateKeyPairSync("ed25519").privateKey.export({ format: "jwk" }) as Record<string, unknown>;
    expect(reasonOf(parsePublicKey({ jwk: privateJwk }, "k", 1))).toEqual(["PUBLIC_KEY_PRIVATE"]);
    expect(reasonOf(parsePublicKey({ jwk: { kty: "oct", k: "c2VjcmV0" } }, "k", 1))).toEqual(["PUBLIC_KEY_PRIVATE"]);
    const privatePem = generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }) as string;
    expect(reasonOf(parsePublicKey({ pem: privatePem }, "k", 1))).toEqual(["PUBLIC_KEY_INVALID"]);
    expect(reasonOf(parsePublicKey({ pem: "-----BEGIN PUBLIC KEY-----\nnot base64\n-----END PUBLIC KEY-----" }, "k", 1))).toEqual(["PUBLIC_KEY_INVALID"]);
    expect(reasonOf(parsePublicKey({}, "k", 1))).toEqual(["PUBLIC_KEY_FORM"]);
    expect(reasonOf(parsePublicKey({ jwk: { ...jwkOf(generateKeyPairSync("ed25519")), alg: "HS256" } }, "k", 1))).toEqual(["PUBLIC_KEY_ALGORITHM"]);
    expect(reasonOf(parsePublicKey({ jwk: jwkOf(generateKeyPairSync("ed25519")), expiresAt: new Date(Date.now() - 1000) }, "k", 1))).toEqual(["PUBLIC_KEY_EXPIRY_IN_PAST"]);
  });

  it("computes the RFC 7638 example thumbprint", () => {
    const n = "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw";
    expect(jwkThumbprint({ kty: "RSA", n, e: "AQAB", alg: "RS256", kid: "2011-04-29" })).toBe("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs");
  });
});
