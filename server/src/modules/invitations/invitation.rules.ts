import type { FieldError } from "../../common/errors.js";
import { roleErrors } from "../members/member.service.js";
import { emailErrors } from "../members/password.js";

/** How long a link works. */
export const INVITATION_TTL_MS = 7 * 24 * 3600 * 1000;

export function inviteErrors(email: string, role: string): FieldError[] {
  return [...emailErrors(email), ...roleErrors(role)];
}

export function isExpired(invitation: { expiresAt: Date }, now = Date.now()): boolean {
  return invitation.expiresAt.getTime() <= now;
}
