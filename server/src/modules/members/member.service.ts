import { randomUUID } from "node:crypto";
import type { Ctx } from "../../common/context.js";
import { AppError, appError, badInput, type FieldError } from "../../common/errors.js";
import { transactional } from "../../common/transaction.js";
import { isUniqueViolation } from "../../common/unique-violation.js";
import { nameErrors } from "../api-clients/api-client.rules.js";
import type { AuditService } from "../audit/audit.service.js";
import type { AccessPolicy } from "../auth/access-policy.js";
import { Organization } from "../organizations/organization.entity.js";
import { Membership, type MemberRole } from "./membership.entity.js";
import { emailErrors, hashPassword, normalizeEmail, passwordErrors } from "./password.js";
import { User } from "./user.entity.js";

export interface MemberView {
  membership: Membership;
  user: User;
}

export interface AddMemberData {
  organizationId: string;
  email: string;
  role: MemberRole;
  /** Required when no user has this e-mail yet: the new user's first password. */
  name?: string;
  password?: string;
  /**
   * Adds an account made through an invitation link, which is refused otherwise: whoever held
   * the link chose its password, so the operator must first make sure the account is the person's.
   */
  allowLinkAccount?: boolean;
}

export class MemberService {
  constructor(
    private readonly access: AccessPolicy,
    private readonly audit: AuditService,
  ) {}

  async list(ctx: Ctx, organizationId: string): Promise<MemberView[]> {
    await this.access.membersOf(ctx, organizationId);
    const memberships = await ctx.manager.find(Membership, { where: { organizationId }, order: { createdAt: "ASC" } });
    const users = memberships.length === 0 ? [] : await ctx.manager.createQueryBuilder(User, "u").whereInIds(memberships.map((m) => m.userId)).getMany();
    return memberships.flatMap((membership) => {
      const user = users.find((candidate) => candidate.id === membership.userId);
      return user === undefined ? [] : [{ membership, user }];
    });
  }

  /**
   * Operators only (CLI, or SYSTEM in tests): adds an existing user, or creates one (name and
   * password required) and adds them. Everyone else invites (InvitationService): nobody becomes
   * a member of an organization without accepting, and an owner learns nothing about accounts.
   */
  async add(ctx: Ctx, data: AddMemberData): Promise<MemberView> {
    if (ctx.actor.type !== "CLI" && ctx.actor.type !== "SYSTEM") throw new AppError("FORBIDDEN", "Members join by invitation: invite them instead");
    await this.access.ownerOf(ctx, data.organizationId);
    const email = normalizeEmail(data.email);
    const errors: FieldError[] = [...emailErrors(email), ...roleErrors(data.role)];
    if (errors.length > 0) throw badInput(errors);
    const existing = await ctx.manager.findOneBy(User, { email });
    if (existing?.createdByLink === true && data.allowLinkAccount !== true) {
      // Whoever held some organization's invitation link chose this account's password.
      throw new AppError("CONFLICT", `The account of ${email} was made through an invitation link, so nothing proves it is that person's: have an owner of this organization invite them, or make sure it is theirs and add it with --allow-link-account`);
    }
    let newUser: User | null = null;
    if (existing === null) {
      const userErrors = [...nameErrors(data.name ?? ""), ...passwordErrors(data.password ?? "", "password", [email, data.name ?? ""])];
      if (userErrors.length > 0) throw badInput(userErrors.map((error) => ({ ...error, message: `${error.message} (no user has this e-mail yet)` })));
      const now = new Date();
      newUser = { id: randomUUID(), email, name: (data.name ?? "").trim(), passwordHash: await hashPassword(data.password ?? ""), createdByLink: false, isOperator: false, createdAt: now, updatedAt: now };
    }
    return transactional(ctx, async (tx) => {
      await lockOrganization(tx, data.organizationId);
      if (newUser !== null) await insertUser(tx, newUser);
      const user = newUser ?? (existing as User);
      const duplicate = await tx.manager.findOneBy(Membership, { organizationId: data.organizationId, userId: user.id });
      if (duplicate !== null) throw appError("CONFLICT", "ALREADY_MEMBER", `${email} is already a member of this organization`, { email });
      const membership: Membership = { id: randomUUID(), organizationId: data.organizationId, userId: user.id, role: data.role, createdAt: new Date() };
      await tx.manager.insert(Membership, membership);
      await this.audit.record(tx, { organizationId: data.organizationId, action: "member.added", targetType: "MEMBER", targetId: user.id, targetLabel: email, changes: { role: data.role } });
      return { membership, user };
    });
  }

  async updateRole(ctx: Ctx, organizationId: string, userId: string, role: MemberRole): Promise<MemberView> {
    await this.access.ownerOf(ctx, organizationId);
    if (roleErrors(role).length > 0) throw badInput(roleErrors(role));
    return transactional(ctx, async (tx) => {
      await lockOrganization(tx, organizationId);
      const { membership, user } = await this.getMember(tx, organizationId, userId);
      if (membership.role === role) return { membership, user };
      if (membership.role === "OWNER") await assertAnotherOwner(tx, organizationId);
      const from = membership.role;
      membership.role = role;
      await tx.manager.update(Membership, { id: membership.id }, { role });
      await this.audit.record(tx, { organizationId, action: "member.role_changed", targetType: "MEMBER", targetId: userId, targetLabel: user.email, changes: { role: { from, to: role } } });
      return { membership, user };
    });
  }

  async remove(ctx: Ctx, organizationId: string, userId: string): Promise<string> {
    await this.access.ownerOf(ctx, organizationId);
    return transactional(ctx, async (tx) => {
      await lockOrganization(tx, organizationId);
      const { membership, user } = await this.getMember(tx, organizationId, userId);
      if (membership.role === "OWNER") await assertAnotherOwner(tx, organizationId);
      await tx.manager.delete(Membership, { id: membership.id });
      await this.audit.record(tx, { organizationId, action: "member.removed", targetType: "MEMBER", targetId: userId, targetLabel: user.email, changes: { role: membership.role } });
      return userId;
    });
  }

  private async getMember(ctx: Ctx, organizationId: string, userId: string): Promise<MemberView> {
    const membership = await ctx.manager.findOneBy(Membership, { organizationId, userId });
    const user = membership === null ? null : await ctx.manager.findOneBy(User, { id: userId });
    if (membership === null || user === null) throw new AppError("NOT_FOUND", "Member not found");
    return { membership, user };
  }
}

export function roleErrors(role: string): FieldError[] {
  return role === "OWNER" || role === "VIEWER" ? [] : [{ field: "role", reason: "ROLE_INVALID", message: "Role must be OWNER or VIEWER" }];
}

/** Serialises membership changes per organization (a row lock on MySQL), so "last owner" holds. */
async function lockOrganization(ctx: Ctx, organizationId: string): Promise<void> {
  const result = await ctx.manager.update(Organization, { id: organizationId }, { updatedAt: new Date() });
  if (result.affected === 0) throw new AppError("NOT_FOUND", "Organization not found");
}

async function assertAnotherOwner(ctx: Ctx, organizationId: string): Promise<void> {
  const owners = await ctx.manager.countBy(Membership, { organizationId, role: "OWNER" });
  if (owners <= 1) throw appError("CONFLICT", "LAST_OWNER", "An organization needs at least one owner: make someone else an owner first");
}

/** Inserts a membership; CONFLICT when the user already is a member. */
export async function insertMembership(ctx: Ctx, membership: Membership, email: string): Promise<void> {
  try {
    await ctx.manager.insert(Membership, membership);
  } catch (error) {
    if (isUniqueViolation(error)) throw appError("CONFLICT", "ALREADY_MEMBER", `${email} is already a member of this organization`, { email });
    throw error;
  }
}

export async function insertUser(ctx: Ctx, user: User): Promise<void> {
  try {
    await ctx.manager.insert(User, user);
  } catch (error) {
    if (isUniqueViolation(error)) throw appError("CONFLICT", "EMAIL_TAKEN", `A user with the e-mail ${user.email} already exists`, { email: user.email });
    throw error;
  }
}
