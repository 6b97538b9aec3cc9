import { randomInt } from "node:crypto";

const ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

/** A generated OAuth client id: 24 random characters, globally unique in practice. */
export function generateClientId(): string {
  return Array.from({ length: 24 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
}

/** A chosen id is joined to the organization's slug, so tenants never collide or see each other's ids. */
export function composeClientId(organizationSlug: string, localId: string): string {
  return `${organizationSlug}-${localId}`;
}
