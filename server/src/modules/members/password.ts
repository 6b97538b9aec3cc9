import argon2 from "argon2";
import { hashArgon2, verifyArgon2 } from "../../common/argon2.js";
import type { FieldError } from "../../common/errors.js";

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

// Sign-in is rare, so passwords get argon2's stronger defaults (64 MiB, 3 passes).
const HASH_OPTIONS = { type: argon2.argon2id } as const;

export function passwordErrors(password: string, field = "password"): FieldError[] {
  if (password.length < PASSWORD_MIN) return [{ field, message: `Password must be at least ${PASSWORD_MIN} characters` }];
  if (password.length > PASSWORD_MAX) return [{ field, message: `Password must be at most ${PASSWORD_MAX} characters` }];
  return [];
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

export function emailErrors(email: string, field = "email"): FieldError[] {
  return EMAIL.test(normalizeEmail(email)) ? [] : [{ field, message: "Enter a valid e-mail address" }];
}
