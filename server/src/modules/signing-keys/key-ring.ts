import { ConfigError } from "../../config.js";
import { decryptPrivateKey, encryptPrivateKey, KeyDecryptionError } from "./key-encryption.js";

/** Where the key-encryption key came from: CLAVIS_KEY_ENCRYPTION_KEY, a key file, or (in-memory SQLite) nowhere. */
export type KeySource = "environment" | "file" | "memory";

export interface OpenedKey {
  plaintext: string;
  /** Stored in the clear or under the previous key: to be stored again, sealed with the current one. */
  isStale: boolean;
}

/**
 * The key-encryption key of the keys stored in the database (signing keys, the secret digest
 * key). Everything is sealed with the current key; the previous one (the key file, once
 * CLAVIS_KEY_ENCRYPTION_KEY is set) still opens what it sealed, so that can be sealed again.
 */
export class KeyRing {
  constructor(
    readonly source: KeySource,
    private readonly current: string,
    private readonly previous: string | null = null,
    /** The key file: where the current key came from, or (with the environment) the previous one. */
    readonly file: string | null = null,
  ) {}

  seal(plaintext: string): string {
    return encryptPrivateKey(plaintext, this.current);
  }

  /** Throws KeyDecryptionError when neither key opens it; `what` names the key in that message. */
  open(stored: string, isEncrypted: boolean, what: string): OpenedKey {
    if (!isEncrypted) return { plaintext: stored, isStale: true };
    for (const [key, isStale] of [[this.current, false], [this.previous, true]] as const) {
      if (key === null) continue;
      try {
        return { plaintext: decryptPrivateKey(stored, key), isStale };
      } catch {
        // Try the next key; the error below names the one that should have worked.
      }
    }
    throw new KeyDecryptionError(
      this.source === "environment"
        ? `CLAVIS_KEY_ENCRYPTION_KEY does not decrypt the stored ${what} (was it changed?)`
        : `the key in ${this.file ?? "memory"} does not decrypt the stored ${what}: set CLAVIS_KEY_ENCRYPTION_KEY to the key they were encrypted with`,
      this.source,
    );
  }

  /** What the operator should know at start-up about where the key comes from; null when all is well. */
  warning(databaseKind: "sqlite" | "mysql"): string | null {
    if (this.source !== "file") return null;
    const advice = databaseKind === "sqlite" ? "back that file up apart from the database, or set CLAVIS_KEY_ENCRYPTION_KEY" : "every node sharing the database needs the same key, so set CLAVIS_KEY_ENCRYPTION_KEY";
    return `The signing keys and the secret digest key are encrypted with the key in ${this.file}, not with CLAVIS_KEY_ENCRYPTION_KEY: ${advice}`;
  }
}

/** A key that does not decrypt, as the one-line configuration error the server and the CLI print. */
export function keyConfigError(error: KeyDecryptionError): ConfigError {
  return new ConfigError("CLAVIS_KEY_ENCRYPTION_KEY", error.source === "file" || error.source === "memory" ? `is not set, and ${error.message}` : `cannot be used: ${error.message}`);
}
