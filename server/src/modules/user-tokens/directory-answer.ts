/** A user as the directory describes one, checked and bounded. */
export interface DirectoryUser {
  id: string;
  username: string | null;
  claims: Record<string, string>;
}

/** Display claims a directory may add to a token; anything else it sends is dropped. */
export const DISPLAY_CLAIMS = ["name", "nickname", "locale", "picture"] as const;
const MAX_CLAIM_LENGTH = 200;
export const MAX_USER_ID_LENGTH = 128;
export const MAX_USERNAME_LENGTH = 255;

/** Printable, no surrounding spaces: ids and usernames are compared and stored byte for byte. */
export function isPlainText(value: string, maxLength: number): boolean {
  return value.length > 0 && value.length <= maxLength && value.trim() === value && !/[\u0000-\u001f\u007f]/.test(value);
}

/** The user in a directory's 200 answer, or null when it is not one (a garbled answer). */
export function parseDirectoryUser(body: unknown): DirectoryUser | null {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return null;
  const record = body as Record<string, unknown>;
  const id = typeof record.id === "number" && Number.isSafeInteger(record.id) ? String(record.id) : record.id;
  if (typeof id !== "string" || !isPlainText(id, MAX_USER_ID_LENGTH)) return null;
  const username = record.username ?? null;
  if (username !== null && (typeof username !== "string" || !isPlainText(username, MAX_USERNAME_LENGTH))) return null;
  const claims: Record<string, string> = {};
  const given = record.claims;
  if (given !== undefined && given !== null) {
    if (typeof given !== "object" || Array.isArray(given)) return null;
    for (const name of DISPLAY_CLAIMS) {
      const value = (given as Record<string, unknown>)[name];
      if (typeof value === "string" && value.length <= MAX_CLAIM_LENGTH) claims[name] = value;
    }
  }
  return { id, username, claims };
}
