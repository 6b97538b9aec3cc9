import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import argon2 from "argon2";
import { hashArgon2, verifyArgon2 } from "../../common/argon2.js";
import type { FieldError } from "../../common/errors.js";
import type { Environment } from "./api-client.entity.js";

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const BODY_LENGTH = 43; // 32 random bytes in base62
const CHECKSUM_LENGTH = 6;
const SECRET_PATTERN = /^clv_(live|test)_([0-9A-Za-z]{43})([0-9A-Za-z]{6})$/;

// OWASP's argon2id baseline (19 MiB, 2 passes): about 20 ms here. Only secrets an operator
// chose get it: they may be guessable, generated ones are not (see storedSecretHash).
const HASH_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

function toBase62(bytes: Buffer, length: number): string {
  let value = BigInt(`0x${bytes.toString("hex")}`);
  let out = "";
  while (value > 0n) {
    out = ALPHABET[Number(value % 62n)] + out;
    value /= 62n;
  }
  return out.padStart(length, "0").slice(-length);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(text: string): number {
  let crc = 0xffffffff;
  for (const byte of Buffer.from(text, "utf8")) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function checksum(prefixAndBody: string): string {
  const sum = Buffer.alloc(4);
  sum.writeUInt32BE(crc32(prefixAndBody));
  return toBase62(sum, CHECKSUM_LENGTH);
}

export function secretPrefix(environment: Environment): string {
  return environment === "LIVE" ? "clv_live_" : "clv_test_";
}

/**
 * A new client secret: `clv_live_` or `clv_test_`, 32 random bytes in base62, and a CRC32
 * checksum, so secret scanners can recognise leaked Clavis secrets without a database.
 */
export function generateSecret(environment: Environment): string {
  const head = `${secretPrefix(environment)}${toBase62(randomBytes(32), BODY_LENGTH)}`;
  return `${head}${checksum(head)}`;
}

/** True when the text has the shape and a valid checksum of a Clavis secret. */
export function looksLikeSecret(text: string): boolean {
  const match = SECRET_PATTERN.exec(text);
  if (match === null) return false;
  return checksum(`clv_${match[1]}_${match[2]}`) === match[3];
}

/**
 * A secret chosen by an operator (CLI --secret-stdin) must be as hard to guess as a generated one,
 * and reach Clavis intact: RFC 6749 §2.3.1 has clients form-encode the secret before HTTP Basic,
 * but curl -u, requests and Authlib send it as it is, so a `+` would arrive as a space. Only
 * RFC 3986's unreserved characters read the same either way.
 */
export function providedSecretErrors(secret: string): FieldError[] {
  const problems: string[] = [];
  if (secret.length < 32) problems.push("be at least 32 characters");
  if (secret.length > 200) problems.push("be at most 200 characters");
  if (!/^[A-Za-z0-9._~-]*$/.test(secret)) problems.push("use only the characters A-Z a-z 0-9 - . _ ~ (others, such as +, reach Clavis altered from many HTTP Basic clients)");
  if (new Set(secret).size < 12) problems.push("mix at least 12 different characters");
  return problems.length === 0 ? [] : [{ field: "secret", reason: "SECRET_WEAK", message: `The secret must ${problems.join(", ")}` }];
}

export function secretHint(secret: string): string {
  return secret.slice(-4);
}

export function hashSecret(secret: string): Promise<string> {
  return hashArgon2(secret, HASH_OPTIONS);
}

export function verifySecret(hash: string, secret: string): Promise<boolean> {
  return verifyArgon2(hash, secret);
}

const DIGEST_PREFIX = "hmac-sha256:v1:";

/** HMAC-SHA256 under the server's secret digest key (ServerKeyService): microseconds, unlike argon2id. */
export function secretDigest(key: Buffer, secret: string): Buffer {
  return createHmac("sha256", key).update(secret, "utf8").digest();
}

/** The stored form of a digest, self-describing beside argon2's `$argon2id$…`. */
export function formatDigest(digest: Buffer): string {
  return `${DIGEST_PREFIX}${digest.toString("base64url")}`;
}

/** The digest held in a stored hash, or null when it is another kind (argon2id). */
export function parseDigest(stored: string): Buffer | null {
  if (!stored.startsWith(DIGEST_PREFIX)) return null;
  const digest = Buffer.from(stored.slice(DIGEST_PREFIX.length), "base64url");
  return digest.length === 32 ? digest : null;
}

export function sameDigest(known: Buffer, digest: Buffer): boolean {
  return known.length === digest.length && timingSafeEqual(known, digest);
}

/**
 * How a secret is stored. A secret in Clavis's own format carries 256 random bits, so guessing
 * it is hopeless and argon2id would only cost CPU: a keyed digest, whose key a database dump does
 * not hold, is enough (as GitHub and Ory Talos store tokens). Any other secret was chosen by
 * someone and may be guessable: argon2id.
 */
export async function storedSecretHash(secret: string, digestKey: () => Promise<Buffer>): Promise<string> {
  return looksLikeSecret(secret) ? formatDigest(secretDigest(await digestKey(), secret)) : hashSecret(secret);
}
