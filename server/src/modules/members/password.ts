import argon2 from "argon2";
import { hashArgon2, verifyArgon2 } from "../../common/argon2.js";
import type { FieldError } from "../../common/errors.js";
import { weakPasswordAdvice } from "./password-strength.js";

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

// Sign-in is rare, so passwords get argon2's stronger defaults (64 MiB, 3 passes).
const HASH_OPTIONS = { type: argon2.argon2id } as const;

/**
 * The one password rule (setup, password change, CLI, invitations): 10 to 200 characters and
 * not easy to guess. `userInputs` (the user's e-mail, name, organization names) count as known
 * to an attacker. The strength check is CPU work (up to about 70 ms): unauthenticated callers
 * take a hash-budget slot before it.
 */
export function passwordErrors(password: string, field = "password", userInputs: string[] = []): FieldError[] {
  if (password.length < PASSWORD_MIN) return [{ field, reason: "PASSWORD_TOO_SHORT", params: { min: PASSWORD_MIN }, message: `Password must be at least ${PASSWORD_MIN} characters` }];
  if (password.length > PASSWORD_MAX) return [{ field, reason: "PASSWORD_TOO_LONG", params: { max: PASSWORD_MAX }, message: `Password must be at most ${PASSWORD_MAX} characters` }];
  const advice = weakPasswordAdvice(password, userInputs);
  return advice === null ? [] : [{ field, reason: "PASSWORD_WEAK", message: advice }];
}

export function hashPassword(password: string): Promise<string> {
  return hashArgon2(password, HASH_OPTIONS);
}

export function verifyPassword(hash: string, password: string): Promise<boolean> {
  return verifyArgon2(hash, password);
}

let dummyHash: Promise<string> | undefined;

/** Spends the time of a real verification, so unknown e-mail addresses cannot be told apart. */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword("clavis-timing-equaliser");
  await verifyPassword(await dummyHash, password);
  return false;
}

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,189}\.[^\s@]{2,}$/;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** RFC 5321 §4.5.3.1.3: a path holds at most 256 octets, so an address at most 254; so does the column. */
export const EMAIL_MAX = 254;

export function emailErrors(email: string, field = "email"): FieldError[] {
  const normalized = normalizeEmail(email);
  if (normalized.length > EMAIL_MAX) return [{ field, reason: "EMAIL_TOO_LONG", params: { max: EMAIL_MAX }, message: `An e-mail address has at most ${EMAIL_MAX} characters` }];
  return EMAIL.test(normalized) ? [] : [{ field, reason: "EMAIL_INVALID", message: "Enter a valid e-mail address" }];
}
