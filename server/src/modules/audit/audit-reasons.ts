import type { ActorType } from "./audit-event.entity.js";

/** Why a token request of a known client was refused (token.refused), as stored in `changes.reason`. */
export const AUDIT_REASONS = ["CLIENT_EXPIRED", "IP_NOT_ALLOWED"] as const;
export type AuditReason = (typeof AUDIT_REASONS)[number];

/** The English sentences events stored before reasons were codes. */
const LEGACY_REASONS: Record<string, AuditReason> = {
  "the client has expired": "CLIENT_EXPIRED",
  "the request came from an address outside the client's allowed IPs": "IP_NOT_ALLOWED",
};

/** The reason of an event: its code, or the code of an older event's sentence; null when it has none. */
export function auditReason(changes: Record<string, unknown>): AuditReason | null {
  const stored = changes.reason;
  if (typeof stored !== "string") return null;
  if ((AUDIT_REASONS as readonly string[]).includes(stored)) return stored as AuditReason;
  return LEGACY_REASONS[stored] ?? null;
}

/** Events stored before ANONYMOUS existed name a caller who was not signed in as SYSTEM, "anonymous". */
export function actorKind(type: string, label: string): ActorType {
  if (type === "SYSTEM" && label === "anonymous") return "ANONYMOUS";
  return type as ActorType;
}
