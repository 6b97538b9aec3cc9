import { randomBytes } from "node:crypto";
import type { ApiClientSecret } from "../api-clients/api-client-secret.entity.js";
import { parseDigest, sameDigest, verifySecret } from "../api-clients/client-secret.js";

/** The checks a presented secret goes through; injectable, so tests can count them. */
export interface SecretVerifier {
  /** Constant-time comparison of the presented secret's keyed digest with a known one: microseconds. */
  sameDigest(known: Buffer, digest: Buffer): boolean;
  /** argon2id: milliseconds, on libuv's thread pool. */
  verifySlow(hash: string, secret: string): Promise<boolean>;
}

export const secretVerifier: SecretVerifier = { sameDigest, verifySlow: verifySecret };

/** The current secret and, during a grace period, the previous one. */
export const SECRET_SLOTS = 2;

const STAND_IN = randomBytes(32);

/** What a secret's slot is checked against: a digest (stored, or verified earlier in this process), or argon2id. */
function knownDigest(candidate: ApiClientSecret | undefined, verified: ReadonlyMap<number, Buffer>): Buffer | null {
  if (candidate === undefined) return STAND_IN;
  return parseDigest(candidate.hash) ?? verified.get(candidate.version) ?? null;
}

/** True when checking a secret against these would run argon2id unless a digest matches first. */
export function hasSlowHash(secrets: readonly ApiClientSecret[], verified: ReadonlyMap<number, Buffer>): boolean {
  return secrets.some((candidate) => knownDigest(candidate, verified) === null);
}

/**
 * Which of a client's secrets was presented, given its keyed digest. Every slot is checked
 * (a missing second secret against a stand-in digest) and a match does not end the loop, so a
 * wrong secret costs the same checks whether or not the client is mid-rotation. argon2id runs
 * only for hashes no digest stands in for yet, and only when no digest matched.
 */
export async function matchSecret(
  secrets: readonly ApiClientSecret[],
  verified: ReadonlyMap<number, Buffer>,
  secret: string,
  digest: Buffer,
  verifier: SecretVerifier = secretVerifier,
): Promise<ApiClientSecret | null> {
  let match: ApiClientSecret | null = null;
  const slow: ApiClientSecret[] = [];
  for (let slot = 0; slot < Math.max(SECRET_SLOTS, secrets.length); slot += 1) {
    const candidate = secrets[slot];
    const known = knownDigest(candidate, verified);
    if (known === null) slow.push(candidate);
    else if (verifier.sameDigest(known, digest) && match === null && candidate !== undefined) match = candidate;
  }
  if (match !== null || slow.length === 0) return match;
  const results = await Promise.all(slow.map((candidate) => verifier.verifySlow(candidate.hash, secret)));
  return slow.find((_, index) => results[index]) ?? null;
}
