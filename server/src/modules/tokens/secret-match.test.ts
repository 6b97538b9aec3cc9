import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { ApiClientSecret } from "../api-clients/api-client-secret.entity.js";
import { formatDigest, generateSecret, hashSecret, sameDigest, secretDigest } from "../api-clients/client-secret.js";
import { hasSlowHash, matchSecret, type SecretVerifier } from "./secret-match.js";

const KEY = randomBytes(32);

function row(version: number, hash: string): ApiClientSecret {
  return { id: `s${version}`, apiClientId: "c", version, hash, hint: "", createdAt: new Date(0), expiresAt: null };
}

/** The real checks, counted. */
function countingVerifier() {
  const counts = { digest: 0, slow: 0 };
  const verifier: SecretVerifier = {
    sameDigest: (known, digest) => ((counts.digest += 1), sameDigest(known, digest)),
    verifySlow: async () => ((counts.slow += 1), false),
  };
  return { counts, verifier };
}

async function checksFor(secrets: ApiClientSecret[], presented: string, verified = new Map<number, Buffer>()) {
  const { counts, verifier } = countingVerifier();
  const match = await matchSecret(secrets, verified, presented, secretDigest(KEY, presented), verifier);
  return { match: match?.version ?? null, ...counts };
}

describe("matchSecret", () => {
  const current = generateSecret("LIVE");
  const previous = generateSecret("LIVE");
  const digestOf = (secret: string) => formatDigest(secretDigest(KEY, secret));

  it("makes the same checks for a wrong secret whether the client has one secret or two (mid-rotation)", async () => {
    const wrong = generateSecret("LIVE");
    const one = await checksFor([row(2, digestOf(current))], wrong);
    const two = await checksFor([row(2, digestOf(current)), row(1, digestOf(previous))], wrong);
    expect(one).toEqual({ match: null, digest: 2, slow: 0 });
    expect(two).toEqual(one);
  });

  it("checks every slot even after a match, and finds either secret", async () => {
    const secrets = [row(2, digestOf(current)), row(1, digestOf(previous))];
    expect(await checksFor(secrets, current)).toEqual({ match: 2, digest: 2, slow: 0 });
    expect(await checksFor(secrets, previous)).toEqual({ match: 1, digest: 2, slow: 0 });
  });

  it("makes the same checks for a wrong secret when one of the two secrets is still argon2id", async () => {
    const wrong = generateSecret("LIVE");
    const legacy = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA";
    const alone = await checksFor([row(1, legacy)], wrong);
    const rotating = await checksFor([row(2, digestOf(current)), row(1, legacy)], wrong);
    expect(alone).toEqual({ match: null, digest: 1, slow: 1 });
    expect(rotating).toEqual(alone);
  });

  it("runs argon2id only when no digest matched, and not for a hash verified earlier in this process", async () => {
    const hash = await hashSecret(current);
    expect(await checksFor([row(1, hash)], current, new Map([[1, secretDigest(KEY, current)]]))).toEqual({ match: 1, digest: 2, slow: 0 });
    expect(hasSlowHash([row(1, hash)], new Map([[1, secretDigest(KEY, current)]]))).toBe(false);
    expect(await checksFor([row(2, digestOf(current)), row(1, hash)], current)).toEqual({ match: 2, digest: 1, slow: 0 });
    expect(hasSlowHash([row(2, digestOf(current)), row(1, hash)], new Map())).toBe(true);
    expect(hasSlowHash([row(2, digestOf(current))], new Map())).toBe(false);
  });

  it("verifies an argon2id hash with argon2id", async () => {
    const hash = await hashSecret(current);
    const match = await matchSecret([row(1, hash)], new Map(), current, secretDigest(KEY, current));
    expect(match?.version).toBe(1);
    expect(await matchSecret([row(1, hash)], new Map(), previous, secretDigest(KEY, previous))).toBeNull();
  });
});
