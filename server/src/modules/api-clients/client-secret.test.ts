import { describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { formatDigest, generateSecret, hashSecret, looksLikeSecret, parseDigest, providedSecretErrors, sameDigest, secretDigest, secretHint, storedSecretHash, verifySecret } from "./client-secret.js";

describe("client secrets", () => {
  it("names the environment in the prefix and has a fixed length", () => {
    const live = generateSecret("LIVE");
    const staging = generateSecret("STAGING");
    expect(live).toMatch(/^clv_live_[0-9A-Za-z]{49}$/);
    expect(staging).toMatch(/^clv_test_[0-9A-Za-z]{49}$/);
  });

  it("is different every time", () => {
    const secrets = new Set(Array.from({ length: 200 }, () => generateSecret("LIVE")));
    expect(secrets.size).toBe(200);
  });

  it("carries a checksum that scanners can verify", () => {
    const secret = generateSecret("LIVE");
    expect(looksLikeSecret(secret)).toBe(true);
    const last = secret.at(-1) === "a" ? "b" : "a";
    expect(looksLikeSecret(secret.slice(0, -1) + last)).toBe(false);
    const bodyChanged = secret.slice(0, 12) + (secret[12] === "x" ? "y" : "x") + secret.slice(13);
    expect(looksLikeSecret(bodyChanged)).toBe(false);
    expect(looksLikeSecret(secret.replace("clv_live_", "clv_test_"))).toBe(false);
    expect(looksLikeSecret("clv_live_short")).toBe(false);
  });

  it("hints with the last four characters only", () => {
    const secret = generateSecret("LIVE");
    expect(secretHint(secret)).toBe(secret.slice(-4));
    expect(secretHint(secret)).toHaveLength(4);
  });

  it("hashes with argon2id and verifies only the same secret", async () => {
    const secret = generateSecret("LIVE");
    const hash = await hashSecret(secret);
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    expect(hash).not.toContain(secret);
    expect(await verifySecret(hash, secret)).toBe(true);
    expect(await verifySecret(hash, generateSecret("LIVE"))).toBe(false);
    expect(await verifySecret("not-a-hash", secret)).toBe(false);
  });

  it("hashes with argon2id a chosen secret that an operator made, and with a keyed digest one in Clavis's format", async () => {
    const key = randomBytes(32);
    let keyReads = 0;
    const digestKey = async () => ((keyReads += 1), key);
    const generated = generateSecret("STAGING");
    const stored = await storedSecretHash(generated, digestKey);
    expect(stored).toMatch(/^hmac-sha256:v1:[A-Za-z0-9_-]{43}$/);
    expect(stored).toBe(formatDigest(secretDigest(key, generated)));
    expect(stored).not.toBe(formatDigest(secretDigest(randomBytes(32), generated)));
    const chosen = "Chosen-secret_0123456789.abcdefghij~XYZ";
    expect(await storedSecretHash(chosen, digestKey)).toMatch(/^\$argon2id\$/);
    expect(keyReads).toBe(1);
  });

  it("reads a stored digest back and compares digests in full", () => {
    const digest = secretDigest(randomBytes(32), generateSecret("LIVE"));
    const parsed = parseDigest(formatDigest(digest));
    expect(parsed).toEqual(digest);
    expect(sameDigest(parsed as Buffer, digest)).toBe(true);
    expect(sameDigest(parsed as Buffer, Buffer.from(digest).fill(0, 31))).toBe(false);
    expect(sameDigest(parsed as Buffer, digest.subarray(0, 16))).toBe(false);
    expect(parseDigest("$argon2id$v=19$m=19456,p=1,t=2$abc")).toBeNull();
    expect(parseDigest("hmac-sha256:v1:short")).toBeNull();
  });

  it("accepts in a chosen secret only RFC 3986's unreserved characters", () => {
    expect(providedSecretErrors("Chosen-secret_0123456789.abcdefghij~XYZ")).toEqual([]);
    for (const character of ["+", "/", "=", "%", ":", "!", "é", " "]) {
      expect(providedSecretErrors(`Chosen${character}secret0123456789abcdefghijXYZ`)).toEqual([
        { field: "secret", reason: "SECRET_WEAK", message: "The secret must use only the characters A-Z a-z 0-9 - . _ ~ (others, such as +, reach Clavis altered from many HTTP Basic clients)" },
      ]);
    }
  });
});
