import argon2 from "argon2";

/** False for a malformed hash as for a wrong text: callers need only yes or no. */
export async function verifyArgon2(hash: string, text: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, text);
  } catch {
    return false;
  }
}
