import { describe, expect, it } from "vitest";
import { ConfigError } from "../../config.js";
import { encryptPrivateKey, KeyDecryptionError } from "./key-encryption.js";
import { keyConfigError, KeyRing } from "./key-ring.js";

const ENV = "e".repeat(32);
const FILE = "f".repeat(43);

describe("KeyRing", () => {
  it("seals with the current key and opens what it sealed", () => {
    const ring = new KeyRing("file", FILE, null, "/srv/clavis/clavis-key-encryption.key");
    const sealed = ring.seal('{"d":"private"}');
    expect(sealed).toMatch(/^v1:/);
    expect(sealed).not.toContain("private");
    expect(ring.open(sealed, true, "signing keys")).toEqual({ plaintext: '{"d":"private"}', isStale: false });
  });

  it("marks a key in the clear or under the previous key as stale, to be sealed again", () => {
    const ring = new KeyRing("environment", ENV, FILE, "/srv/clavis/clavis-key-encryption.key");
    expect(ring.open('{"d":"x"}', false, "signing keys")).toEqual({ plaintext: '{"d":"x"}', isStale: true });
    expect(ring.open(encryptPrivateKey("under the file", FILE), true, "signing keys")).toEqual({ plaintext: "under the file", isStale: true });
  });

  it("names the key that should have opened it", () => {
    const other = encryptPrivateKey("secret", "o".repeat(32));
    const fromEnv = new KeyRing("environment", ENV);
    expect(() => fromEnv.open(other, true, "signing keys")).toThrow(/^CLAVIS_KEY_ENCRYPTION_KEY does not decrypt the stored signing keys \(was it changed\?\)$/);
    const fromFile = new KeyRing("file", FILE, null, "/srv/k.key");
    let error: unknown;
    try {
      fromFile.open(other, true, "secret digest key");
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(KeyDecryptionError);
    expect(keyConfigError(error as KeyDecryptionError)).toEqual(
      new ConfigError("CLAVIS_KEY_ENCRYPTION_KEY", "is not set, and the key in /srv/k.key does not decrypt the stored secret digest key: set CLAVIS_KEY_ENCRYPTION_KEY to the key they were encrypted with"),
    );
  });

  it("warns only when the key comes from a file, and for MySQL that every node needs it", () => {
    expect(new KeyRing("environment", ENV).warning("mysql")).toBeNull();
    expect(new KeyRing("memory", FILE).warning("sqlite")).toBeNull();
    expect(new KeyRing("file", FILE, null, "/x/k.key").warning("mysql")).toBe(
      "The signing keys and the secret digest key are encrypted with the key in /x/k.key, not with CLAVIS_KEY_ENCRYPTION_KEY: every node sharing the database needs the same key, so set CLAVIS_KEY_ENCRYPTION_KEY",
    );
  });
});
