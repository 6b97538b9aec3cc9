import type { EntityManager } from "typeorm";

export type Actor =
  /** isOperator: the user's platform role, read from the database on each request. */
  | { type: "USER"; userId: string; email: string; isOperator: boolean }
  | { type: "CLIENT"; apiClientId: string; clientId: string; organizationId: string | null; permissions: string[] }
  | { type: "CLI" }
  | { type: "SYSTEM" }
  | { type: "ANONYMOUS" };

/**
 * The first argument of every service method: who acts, from where, and the entity manager
 * to use, which is the transaction's inside `transactional`, so audit events commit with the change.
 */
export interface Ctx {
  actor: Actor;
  ip: string | null;
  requestId: string | null;
  manager: EntityManager;
  inTransaction: boolean;
}

export function actorLabel(actor: Actor): string {
  switch (actor.type) {
    case "USER":
      return actor.email;
    case "CLIENT":
      return actor.clientId;
    case "CLI":
      return "cli";
    case "SYSTEM":
      return "system";
    case "ANONYMOUS":
      return "anonymous";
  }
}

export function actorId(actor: Actor): string | null {
  if (actor.type === "USER") return actor.userId;
  if (actor.type === "CLIENT") return actor.clientId;
  return null;
}
