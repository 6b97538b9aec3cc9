import { describe, expect, it } from "vitest";
import { decryptPrivateKey, encryptPrivateKey, KeyDecryptionError } from "./key-encryption.js";

const KEK = "k".repeat(32);

describe("signing key encryption", () => {
  it("round-trips and never stores the plaintext", () => {
    const stored = encryptPrivateKey('{"d":"private"}', KEK);
    expect(stored).toMatch(/^v1:[A-Za-z0-9_-]+$/);
    expect(stored).not.toContain("private");
    expect(decryptPrivateKey(stored, KEK)).toBe('{"d":"private"}');
  });

  it("fails clearly under another key or after tampering", () => {
    const stored = encryptPrivateKey("secret", KEK);
    expect(() => decryptPrivateKey(stored, "x".repeat(32))).toThrow(KeyDecryptionError);
    const tampered = stored.slice(0, -2) + (stored.endsWith("A") ? "BB" : "AA");
    expect(() => decryptPrivateKey(tampered, KEK)).toThrow("does not decrypt");
  });
});
