import { describe, expect, it } from "vitest";
import { generateSecret, hashSecret, looksLikeSecret, secretHint, verifySecret } from "./client-secret.js";

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
});
