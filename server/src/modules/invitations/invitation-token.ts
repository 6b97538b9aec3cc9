import { createHash, randomBytes } from "node:crypto";

// A recognisable prefix, so secret scanners (and our own leak scan) can find leaked links.
const PREFIX = "clvinv_";
const SHAPE = /^clvinv_[A-Za-z0-9_-]{43}$/;

/** 32 random bytes, base64url: shown once in the link, never stored. */
export function generateInvitationToken(): string {
  return PREFIX + randomBytes(32).toString("base64url");
}

/** What is stored and looked up: SHA-256 (hex). The token is random, so no salt or slow hash is needed. */
export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function hasInvitationTokenShape(token: string): boolean {
  return SHAPE.test(token);
}

export function invitationUrl(issuer: string, token: string): string {
  return `${issuer}/invitation/${token}`;
}
