import { checkPrimeSync, createHash, createPublicKey, type JsonWebKey, type KeyObject } from "node:crypto";
import type { FieldError } from "../../common/errors.js";

export const MAX_PUBLIC_KEYS = 10;
export const MIN_RSA_BITS = 2048;
const MAX_KID_LENGTH = 128;
const MAX_PEM_LENGTH = 8192;
// RFC 7517 §4 / RFC 7518 §6: members that only a private or symmetric key has.
const PRIVATE_MEMBERS = ["d", "p", "q", "dp", "dq", "qi", "oth", "k"];

export interface PublicKeyInput {
  jwk?: Record<string, unknown> | null;
  pem?: string | null;
  expiresAt?: Date | null;
}

/** A key as stored: its public JWK only, with what it may sign. */
export interface ParsedPublicKey {
  kid: string;
  keyType: string;
  algorithm: string;
  thumbprint: string;
  jwk: string;
  expiresAt: Date | null;
}

interface KeyKind {
  keyType: string;
  algorithms: string[];
}

/**
 * A client's public key from a JWK or a PEM SPKI: Ed25519, ECDSA P-256, or RSA of at least 2048
 * bits; never one with private members. `field` and `position` name it in errors.
 */
export function parsePublicKey(input: PublicKeyInput, field: string, position: number, now = new Date()): ParsedPublicKey | FieldError[] {
  const params = { position };
  const hasJwk = input.jwk != null;
  const hasPem = input.pem != null;
  if (hasJwk === hasPem) return [{ field, reason: "PUBLIC_KEY_FORM", params, message: `Key ${position}: give either a JWK or a PEM public key` }];
  if (input.expiresAt != null && !(input.expiresAt.getTime() > now.getTime())) return [{ field, reason: "PUBLIC_KEY_EXPIRY_IN_PAST", params, message: `Key ${position}: its expiry must be a valid date in the future` }];
  const jwk = input.jwk ?? null;
  if (jwk !== null && PRIVATE_MEMBERS.some((member) => Object.hasOwn(jwk, member))) {
    return [{ field, reason: "PUBLIC_KEY_PRIVATE", params, message: `Key ${position} holds private key material; give only the public key` }];
  }
  const key = importKey(input);
  if (key === null) return [{ field, reason: "PUBLIC_KEY_INVALID", params, message: `Key ${position} is not a valid public JWK or PEM SPKI public key` }];
  const kind = kindOf(key);
  if (kind === "small-rsa") return [{ field, reason: "PUBLIC_KEY_RSA_SIZE", params: { position, min: MIN_RSA_BITS }, message: `Key ${position}: an RSA key needs at least ${MIN_RSA_BITS} bits` }];
  if (kind === "weak") return [{ field, reason: "PUBLIC_KEY_WEAK", params, message: `Key ${position} is a degenerate key that anyone could sign for` }];
  if (kind === "weak-rsa-exponent") return [{ field, reason: "PUBLIC_KEY_RSA_EXPONENT", params, message: `Key ${position}: an RSA key's public exponent must be an odd number of at least 65537` }];
  if (kind === null) return [{ field, reason: "PUBLIC_KEY_TYPE", params, message: `Key ${position}: only Ed25519, ECDSA P-256 and RSA keys are accepted` }];
  const alg = jwk?.alg;
  if (alg !== undefined && (typeof alg !== "string" || !kind.algorithms.includes(alg))) {
    return [{ field, reason: "PUBLIC_KEY_ALGORITHM", params: { position, algorithm: String(alg) }, message: `Key ${position}: alg ${String(alg)} does not fit the key; use ${kind.algorithms.join(" or ")}` }];
  }
  if (jwk?.use !== undefined && jwk.use !== "sig") return [{ field, reason: "PUBLIC_KEY_INVALID", params, message: `Key ${position} is not a valid public JWK or PEM SPKI public key` }];
  const kid = jwk?.kid;
  if (kid !== undefined && (typeof kid !== "string" || kid.length === 0 || kid.length > MAX_KID_LENGTH || /[\u0000-\u001f\u007f]/.test(kid))) {
    return [{ field, reason: "PUBLIC_KEY_KID_INVALID", params: { position, max: MAX_KID_LENGTH }, message: `Key ${position}: kid must be 1 to ${MAX_KID_LENGTH} printable characters` }];
  }
  const exported = key.export({ format: "jwk" });
  const thumbprint = jwkThumbprint(exported);
  const algorithm = typeof alg === "string" ? alg : kind.algorithms.join(" ");
  const stored = { ...exported, kid: kid ?? thumbprint, ...(typeof alg === "string" ? { alg } : {}), use: "sig" };
  return { kid: kid ?? thumbprint, keyType: kind.keyType, algorithm, thumbprint, jwk: JSON.stringify(stored), expiresAt: input.expiresAt ?? null };
}

function importKey(input: PublicKeyInput): KeyObject | null {
  try {
    if (input.jwk != null) return createPublicKey({ key: input.jwk as JsonWebKey, format: "jwk" });
    const pem = input.pem ?? "";
    // A private key PEM would import as its public half: refuse it, it should never be sent.
    if (pem.length > MAX_PEM_LENGTH || !/^\s*-----BEGIN PUBLIC KEY-----/.test(pem) || pem.includes("PRIVATE")) return null;
    return createPublicKey({ key: pem, format: "pem" });
  } catch {
    return null;
  }
}

/**
 * FIPS 186-5 §A.1.1 / SP 800-56B: 65537 <= e < 2^256, odd. With e = 1 a "signature" is its own
 * message, so anyone could sign for the key; Node and jose verify with such a key all the same.
 */
export function isStrongRsaExponent(exponent: bigint | undefined): boolean {
  return exponent !== undefined && exponent >= 65537n && exponent < 1n << 256n && exponent % 2n === 1n;
}

// Ed25519 points of order 1, 2, 4 and 8 (libsodium's list, compared without the sign bit): under
// such a key the signature R = identity, S = 0 verifies for every message, and OpenSSL accepts it.
const SMALL_ORDER_ED25519 = [
  "0000000000000000000000000000000000000000000000000000000000000000",
  "0100000000000000000000000000000000000000000000000000000000000000",
  "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",
  "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",
  "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
  "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
  "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
];

// The primes below 2^16, by a sieve: no RSA key generator makes a modulus with one as a factor.
const SMALL_PRIMES: bigint[] = (() => {
  const composite = new Uint8Array(1 << 16);
  const primes: bigint[] = [];
  for (let i = 2; i < composite.length; i += 1) {
    if (composite[i] === 1) continue;
    primes.push(BigInt(i));
    for (let j = i * i; j < composite.length; j += i) composite[j] = 1;
  }
  return primes;
})();

/**
 * True for an RSA modulus whose factors anyone can find: a prime (then phi(n) = n - 1), or one
 * with a factor below 2^16. The private exponent follows, so such a key proves nothing. Checked
 * when a key is added: a real modulus fails the first primality round at once.
 */
export function isFactorableRsaModulus(key: KeyObject): boolean {
  const n = BigInt(`0x${Buffer.from(String(key.export({ format: "jwk" }).n), "base64url").toString("hex")}`);
  if (SMALL_PRIMES.some((prime) => n % prime === 0n)) return true;
  return checkPrimeSync(n, { checks: 2 });
}

/** True for an Ed25519 public key of small order, which proves nothing about who signed. */
export function isSmallOrderEd25519(key: KeyObject): boolean {
  if (key.asymmetricKeyType !== "ed25519") return false;
  const x = Buffer.from(String(key.export({ format: "jwk" }).x), "base64url");
  if (x.length !== 32) return true;
  x[31] &= 0x7f;
  return SMALL_ORDER_ED25519.includes(x.toString("hex"));
}

function kindOf(key: KeyObject): KeyKind | "small-rsa" | "weak-rsa-exponent" | "weak" | null {
  const details = key.asymmetricKeyDetails ?? {};
  switch (key.asymmetricKeyType) {
    case "ed25519":
      return isSmallOrderEd25519(key) ? "weak" : { keyType: "OKP/Ed25519", algorithms: ["EdDSA"] };
    case "ec":
      return details.namedCurve === "prime256v1" ? { keyType: "EC/P-256", algorithms: ["ES256"] } : null;
    case "rsa": {
      const bits = details.modulusLength ?? 0;
      if (bits < MIN_RSA_BITS) return "small-rsa";
      if (!isStrongRsaExponent(details.publicExponent)) return "weak-rsa-exponent";
      return isFactorableRsaModulus(key) ? "weak" : { keyType: `RSA/${bits}`, algorithms: ["RS256", "PS256"] };
    }
    default:
      return null;
  }
}

/** RFC 7638: SHA-256 over the required members in lexicographic order, base64url. */
export function jwkThumbprint(jwk: JsonWebKey): string {
  const required: Record<string, string[]> = { EC: ["crv", "kty", "x", "y"], OKP: ["crv", "kty", "x"], RSA: ["e", "kty", "n"] };
  const members = required[String(jwk.kty)] ?? [];
  const canonical = `{${members.map((name) => `${JSON.stringify(name)}:${JSON.stringify(jwk[name])}`).join(",")}}`;
  return createHash("sha256").update(canonical).digest("base64url");
}
