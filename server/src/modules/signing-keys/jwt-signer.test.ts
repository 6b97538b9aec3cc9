import { generateKeyPairSync } from "node:crypto";
import { decodeProtectedHeader, importJWK, jwtVerify } from "jose";
import { describe, expect, it } from "vitest";
import { createSigner } from "./jwt-signer.js";

describe("createSigner", () => {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  const signer = createSigner("kid-1", privateKey);
  const claims = { iss: "https://clavis.test", sub: "c1", aud: "https://api.test", iat: 1_800_000_000, exp: 4_000_000_000, jti: "j1" };

  it("signs an at+jwt that jose verifies with the public key", async () => {
    const token = signer.sign(claims);
    expect(decodeProtectedHeader(token)).toEqual({ alg: "EdDSA", typ: "at+jwt", kid: "kid-1" });
    const key = await importJWK({ ...publicKey.export({ format: "jwk" }), alg: "EdDSA" });
    const { payload } = await jwtVerify(token, key, { issuer: "https://clavis.test", typ: "at+jwt" });
    expect(payload).toEqual(claims);
  });

  it("makes the same token on the thread pool as on the event loop (Ed25519 is deterministic)", async () => {
    expect(await signer.signOffLoop(claims)).toBe(signer.sign(claims));
  });
});
