import { randomInt } from "node:crypto";

const ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

/** A generated OAuth client id: 24 random characters, globally unique in practice. */
export function generateClientId(): string {
  return Array.from({ length: 24 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
}

/**
 * A chosen id is joined to the organization's slug, so tenants never collide or see each other's
 * ids. Slugs are a-z, 0-9 and dashes, never a dot, so the first dot always ends the slug:
 * `acme-rcuu.team-billing` and `acme-rcuu-team.billing` cannot be the same id. Ids chosen
 * earlier were joined with a dash; they stay as they are, being credentials in use. New ones
 * are at most 64 characters in all (clientIdErrors); older ones up to 40 + 1 + 64 = 105, within
 * the column's 110, stay valid.
 */
export function composeClientId(organizationSlug: string, localId: string): string {
  return `${organizationSlug}.${localId}`;
}
