import type { Ctx } from "../../common/context.js";
import { AppError, appError } from "../../common/errors.js";
import { exactly } from "../../db/exact-match.js";
import { selectEntity } from "../../db/prepared-select.js";
import { Membership } from "../members/membership.entity.js";
import { Organization } from "../organizations/organization.entity.js";

export type AccessLevel = "read" | "write";

const NOT_FOUND = "Organization not found";

/**
 * Who may see or change an organization's data. Anything the actor may not see is NOT_FOUND,
 * never FORBIDDEN, so ids of other tenants cannot be probed.
 */
export class AccessPolicy {
  /**
   * The organization, if the actor may act on it at `level`. A client needs `clientPermission`
   * (api-clients.read or .write by default).
   */
  async organization(ctx: Ctx, organizationId: string, level: AccessLevel, clientPermission = `api-clients.${level}`): Promise<Organization> {
    const actor = ctx.actor;
    if (actor.type === "ANONYMOUS") throw new AppError("UNAUTHENTICATED", "Sign in or send a bearer token");
    const organization = exactly(await selectEntity(ctx.manager, Organization, "SELECT * FROM organizations WHERE id = ?", [organizationId]), (row) => row.id, organizationId);
    if (organization === null) throw new AppError("NOT_FOUND", NOT_FOUND);
    if (isOperator(ctx)) return organization;
    if (actor.type === "USER") {
      const membership = await selectEntity(ctx.manager, Membership, "SELECT * FROM memberships WHERE organization_id = ? AND user_id = ?", [organizationId, actor.userId]);
      if (membership === null) throw new AppError("NOT_FOUND", NOT_FOUND);
      if (level === "write" && membership.role !== "OWNER") throw appError("FORBIDDEN", "OWNER_ONLY", "Only owners may change this organization's API clients and members");
      return organization;
    }
    if (actor.type !== "CLIENT") return organization;
    if (actor.organizationId !== organizationId) throw new AppError("NOT_FOUND", NOT_FOUND);
    if (!actor.permissions.includes(clientPermission)) throw new AppError("FORBIDDEN", `This client lacks the ${clientPermission} permission`);
    return organization;
  }

  /** Reading the member list (names and e-mail addresses): a client needs members.read. */
  membersOf(ctx: Ctx, organizationId: string): Promise<Organization> {
    return this.organization(ctx, organizationId, "read", "members.read");
  }

  /** Reading the audit trail (actors, IP addresses, changes): a client needs audit.read. */
  auditOf(ctx: Ctx, organizationId: string): Promise<Organization> {
    return this.organization(ctx, organizationId, "read", "audit.read");
  }

  /** As `organization`, and API clients must be switched on for it. */
  async apiClientsOf(ctx: Ctx, organizationId: string, level: AccessLevel): Promise<Organization> {
    const organization = await this.organization(ctx, organizationId, level);
    if (!organization.apiClientsEnabled) {
      throw appError("FORBIDDEN", "API_CLIENTS_OFF", "API clients are switched off for this organization. Ask your platform operator to switch them on.");
    }
    return organization;
  }

  /**
   * Platform-level work on organizations themselves: operators (CLI), or a system client (one of
   * no organization) holding system.organizations.read or .write.
   */
  platform(ctx: Ctx, level: AccessLevel): void {
    const actor = ctx.actor;
    if (isOperator(ctx)) return;
    if (actor.type === "ANONYMOUS") throw new AppError("UNAUTHENTICATED", "Sign in or send a bearer token");
    const needed = `system.organizations.${level}`;
    if (actor.type === "CLIENT" && actor.organizationId === null && actor.permissions.includes(needed)) return;
    throw appError("FORBIDDEN", "OPERATOR_ONLY", `Managing organizations needs an operator, or a system client with ${needed}`);
  }

  /**
   * Work only operators do (system clients, signing keys, operators): the CLI, or a signed-in
   * operator. No API client, system clients included, ever passes.
   */
  operator(ctx: Ctx): void {
    if (isOperator(ctx)) return;
    if (ctx.actor.type === "ANONYMOUS") throw new AppError("UNAUTHENTICATED", "Sign in or send a bearer token");
    throw appError("FORBIDDEN", "OPERATOR_ONLY", "Only platform operators may do this");
  }

  /** Owners only (users), or operators: for member management. */
  async ownerOf(ctx: Ctx, organizationId: string): Promise<Organization> {
    if (ctx.actor.type === "CLIENT") throw new AppError("FORBIDDEN", "API clients cannot manage members");
    return this.organization(ctx, organizationId, "write");
  }
}

/** The platform's own hands: the CLI, the server itself, or a user holding the operator role. */
export function isOperator(ctx: Ctx): boolean {
  const actor = ctx.actor;
  return actor.type === "CLI" || actor.type === "SYSTEM" || (actor.type === "USER" && actor.isOperator);
}
