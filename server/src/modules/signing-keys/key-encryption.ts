import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

const PREFIX = "v1:";

function derive(secret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "clavis", "signing-key-encryption/v1", 32));
}

/** AES-256-GCM under a key derived from CLAVIS_KEY_ENCRYPTION_KEY; "v1:" + iv | tag | ciphertext. */
export function encryptPrivateKey(plaintext: string, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", derive(secret), iv);
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url");
}

export class KeyDecryptionError extends Error {
  constructor(
    message: string,
    /** Where the key that failed came from (see KeyRing); null when not known. */
    readonly source: "environment" | "file" | "memory" | null = null,
  ) {
    super(message);
    this.name = "KeyDecryptionError";
  }
}

export function decryptPrivateKey(stored: string, secret: string): string {
  if (!stored.startsWith(PREFIX)) throw new KeyDecryptionError("unknown encrypted key format");
  const raw = Buffer.from(stored.slice(PREFIX.length), "base64url");
  try {
    const decipher = createDecipheriv("aes-256-gcm", derive(secret), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
  } catch {
    throw new KeyDecryptionError("CLAVIS_KEY_ENCRYPTION_KEY does not decrypt the stored signing keys (was it changed?)");
  }
}
