import { randomInt } from "node:crypto";

const SUFFIX_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

/** "Acme AB" → "acme-ab-4k7q": readable, and the random tail keeps it unique and unguessable. */
export function organizationSlug(name: string): string {
  const base =
    name
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 20)
      .replace(/-+$/, "") || "org";
  const suffix = Array.from({ length: 4 }, () => SUFFIX_ALPHABET[randomInt(SUFFIX_ALPHABET.length)]).join("");
  return `${base}-${suffix}`;
}
