import { randomUUID } from "node:crypto";
import { MoreThan } from "typeorm";
import { actorLabel, type Ctx } from "../../common/context.js";
import { AppError, appError, badInput } from "../../common/errors.js";
import { HASH_COST, type HashBudget } from "../../common/hash-budget.js";
import { transactional } from "../../common/transaction.js";
import { isUniqueViolation } from "../../common/unique-violation.js";
import { nameErrors } from "../api-clients/api-client.rules.js";
import type { AuditService } from "../audit/audit.service.js";
import type { AccessPolicy } from "../auth/access-policy.js";
import type { AuthService } from "../auth/auth.service.js";
import { insertMembership, insertUser } from "../members/member.service.js";
import { Membership, type MemberRole } from "../members/membership.entity.js";
import { hashPassword, normalizeEmail, passwordErrors } from "../members/password.js";
import { User } from "../members/user.entity.js";
import { Organization } from "../organizations/organization.entity.js";
import { generateInvitationToken, hasInvitationTokenShape, hashInvitationToken, invitationUrl } from "./invitation-token.js";
import type { InvitationDelivery, InvitationSender } from "./invitation-sender.js";
import { INVITATION_TTL_MS, inviteErrors, isExpired } from "./invitation.rules.js";
import { MemberInvitation } from "./member-invitation.entity.js";
import type { OperatorInvitation } from "./operator-invitation.entity.js";
import type { OperatorInvitationService } from "./operator-invitation.service.js";

/** What a link offers: membership of an organization, or the operator role (organization null). */
export interface InvitationOffer {
  invitation: Pick<MemberInvitation, "email" | "role" | "expiresAt">;
  organization: Organization | null;
}

export interface InviteData {
  organizationId: string;
  email: string;
  role: MemberRole;
}

/** Needed only when the caller is not signed in: the new account's name and password. */
export interface NewAccountData {
  name?: string | null;
  password?: string | null;
}

export interface AcceptedInvitation {
  user: User;
  /** Null for an operator invitation (issue 14), which joins no organization. */
  organization: Organization | null;
  role: MemberRole | null;
  /** A new session when the invitee created their account here, else null. */
  sessionToken: string | null;
}

// One answer for unknown, malformed, expired, withdrawn and used links: which one it was
// would tell a link holder nothing useful and a prober something.
const LINK_NOT_FOUND = "This invitation does not exist, has expired, was withdrawn or was already used";

/**
 * Membership by invitation: owners invite an e-mail address, and the person behind it accepts,
 * signed in as that address or by creating the account. Answers never depend on whether an
 * account exists for the address, except to its link holder when accepting.
 */
export class InvitationService {
  constructor(
    private readonly access: AccessPolicy,
    private readonly audit: AuditService,
    private readonly auth: AuthService,
    private readonly hashBudget: HashBudget,
    private readonly sender: InvitationSender,
    private readonly issuer: string,
    private readonly operatorInvitations: OperatorInvitationService,
  ) {}

  /** Owners only: the organization's invitations not yet accepted or withdrawn, expired ones too. */
  async list(ctx: Ctx, organizationId: string): Promise<MemberInvitation[]> {
    await this.access.ownerOf(ctx, organizationId);
    return ctx.manager.find(MemberInvitation, { where: { organizationId }, order: { createdAt: "ASC", id: "ASC" } });
  }

  /**
   * Owners only. Replaces an invitation already pending for the address (its link stops
   * working). CONFLICT when the address already belongs to a member here. Audits
   * `invitation.created`; the link goes only to the sender.
   */
  async invite(ctx: Ctx, data: InviteData): Promise<{ invitation: MemberInvitation; delivery: InvitationDelivery }> {
    const organization = await this.access.ownerOf(ctx, data.organizationId);
    const email = normalizeEmail(data.email);
    const errors = inviteErrors(email, data.role);
    if (errors.length > 0) throw badInput(errors);
    const token = generateInvitationToken();
    const now = new Date();
    const invitation: MemberInvitation = {
      id: randomUUID(),
      organizationId: organization.id,
      email,
      role: data.role,
      tokenHash: hashInvitationToken(token),
      invitedById: ctx.actor.type === "USER" ? ctx.actor.userId : null,
      invitedByLabel: actorLabel(ctx.actor),
      createdAt: now,
      expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
    };
    await transactional(ctx, async (tx) => {
      if (await isMemberByEmail(tx, organization.id, email)) throw appError("CONFLICT", "ALREADY_MEMBER", `${email} is already a member of this organization`, { email });
      const replaced = await tx.manager.findOneBy(MemberInvitation, { organizationId: organization.id, email });
      if (replaced !== null) await tx.manager.delete(MemberInvitation, { id: replaced.id });
      await insertInvitation(tx, invitation);
      const changes = { role: invitation.role, expiresAt: invitation.expiresAt.toISOString(), ...(replaced === null ? {} : { replaces: replaced.id }) };
      await this.audit.record(tx, { organizationId: organization.id, action: "invitation.created", targetType: "INVITATION", targetId: invitation.id, targetLabel: email, changes });
    });
    const delivery = await this.sender.deliver({
      email,
      role: invitation.role,
      organizationName: organization.name,
      invitedBy: invitation.invitedByLabel,
      expiresAt: invitation.expiresAt,
      invitationUrl: invitationUrl(this.issuer, token),
    });
    return { invitation, delivery };
  }

  /** Owners only; NOT_FOUND for another tenant's invitation. Audits `invitation.withdrawn`. */
  async withdraw(ctx: Ctx, id: string): Promise<string> {
    // Who may manage invitations at all is decided before the id is looked up, so nobody
    // learns from the answer whether an id exists.
    if (ctx.actor.type === "CLIENT") throw new AppError("FORBIDDEN", "API clients cannot manage members");
    if (ctx.actor.type === "ANONYMOUS") throw new AppError("UNAUTHENTICATED", "Sign in or send a bearer token");
    return transactional(ctx, async (tx) => {
      const invitation = await tx.manager.findOneBy(MemberInvitation, { id });
      if (invitation === null) throw new AppError("NOT_FOUND", "Invitation not found");
      await this.access.ownerOf(tx, invitation.organizationId).catch((error: unknown) => {
        throw error instanceof AppError && error.code === "NOT_FOUND" ? new AppError("NOT_FOUND", "Invitation not found") : error;
      });
      await tx.manager.delete(MemberInvitation, { id });
      await this.audit.record(tx, { organizationId: invitation.organizationId, action: "invitation.withdrawn", targetType: "INVITATION", targetId: id, targetLabel: invitation.email, changes: { role: invitation.role } });
      return id;
    });
  }

  /** Public: what a link invites to. NOT_FOUND for any link that cannot be accepted. */
  async preview(ctx: Ctx, token: string): Promise<InvitationOffer> {
    const invitation = await this.findPendingMember(ctx, token);
    if (invitation === null) {
      const forOperator = await this.operatorInvitations.findPending(ctx, token);
      if (forOperator === null) throw appError("NOT_FOUND", "INVITATION_LINK_INVALID", LINK_NOT_FOUND);
      return { invitation: { email: forOperator.email, role: "OWNER", expiresAt: forOperator.expiresAt }, organization: null };
    }
    const organization = await ctx.manager.findOneBy(Organization, { id: invitation.organizationId });
    if (organization === null) throw appError("NOT_FOUND", "INVITATION_LINK_INVALID", LINK_NOT_FOUND);
    return { invitation, organization };
  }

  /**
   * Signed in: the user's e-mail must be the invitation's (else FORBIDDEN) and they join.
   * Not signed in: creates the account (name and password) and signs it in; CONFLICT when an
   * account has the address, so a link holder can never take one over. The link then stops
   * working. Audits `member.added` and `invitation.accepted` as the invitee.
   */
  async accept(ctx: Ctx, token: string, account: NewAccountData): Promise<AcceptedInvitation> {
    refuseNonUsers(ctx);
    const member = await this.findPendingMember(ctx, token);
    const forOperator = member === null ? await this.operatorInvitations.findPending(ctx, token) : null;
    const invitation = member ?? forOperator;
    if (invitation === null) throw appError("NOT_FOUND", "INVITATION_LINK_INVALID", LINK_NOT_FOUND);
    const take = (user: User, isNewUser: boolean) => (member !== null ? this.join(ctx, member, user, isNewUser) : this.becomeOperator(ctx, forOperator as OperatorInvitation, user, isNewUser));
    if (ctx.actor.type === "USER") {
      const user = await ctx.manager.findOneBy(User, { id: ctx.actor.userId });
      if (user === null || normalizeEmail(user.email) !== invitation.email) {
        throw appError("FORBIDDEN", "INVITATION_OTHER_EMAIL", "This invitation was sent to another e-mail address: sign in with that address to accept it");
      }
      return { ...(await take(user, false)), sessionToken: null };
    }
    // Input and budget before the look-up: whoever holds the link (the inviter, too) learns whether
    // the address has an account only by a complete, budgeted attempt, never for free.
    const name = (account.name ?? "").trim();
    const password = account.password ?? "";
    const errors = [...nameErrors(name), ...passwordErrors(password, "password", [invitation.email, name])];
    if (errors.length > 0) throw badInput(errors);
    await this.hashBudget.spend(ctx.ip, HASH_COST.password);
    if ((await ctx.manager.findOneBy(User, { email: invitation.email })) !== null) {
      throw appError("CONFLICT", "ACCOUNT_EXISTS", "An account with this e-mail address already exists: sign in to accept the invitation");
    }
    const now = new Date();
    const user: User = { id: randomUUID(), email: invitation.email, name, passwordHash: await hashPassword(password), createdByLink: true, isOperator: false, createdAt: now, updatedAt: now };
    const joined = await take(user, true);
    return { ...joined, sessionToken: await this.auth.createSession(ctx, user.id) };
  }

  private async findPendingMember(ctx: Ctx, token: string): Promise<MemberInvitation | null> {
    const invitation = hasInvitationTokenShape(token) ? await ctx.manager.findOneBy(MemberInvitation, { tokenHash: hashInvitationToken(token) }) : null;
    return invitation === null || isExpired(invitation) ? null : invitation;
  }

  private async becomeOperator(ctx: Ctx, invitation: OperatorInvitation, user: User, isNewUser: boolean): Promise<Omit<AcceptedInvitation, "sessionToken">> {
    if (!(await this.operatorInvitations.accept(ctx, invitation, user, isNewUser))) throw appError("NOT_FOUND", "INVITATION_LINK_INVALID", LINK_NOT_FOUND);
    return { user: { ...user, isOperator: true }, organization: null, role: null };
  }

  /** One transaction: the invitation is used up exactly once, even by concurrent accepts. */
  private join(ctx: Ctx, invitation: MemberInvitation, user: User, isNewUser: boolean): Promise<Omit<AcceptedInvitation, "sessionToken">> {
    return transactional(ctx, async (tx) => {
      const asInvitee: Ctx = { ...tx, actor: { type: "USER", userId: user.id, email: user.email, isOperator: user.isOperator } };
      const used = await tx.manager.delete(MemberInvitation, { id: invitation.id, expiresAt: MoreThan(new Date()) });
      if (used.affected === 0) throw appError("NOT_FOUND", "INVITATION_LINK_INVALID", LINK_NOT_FOUND);
      const organization = await tx.manager.findOneBy(Organization, { id: invitation.organizationId });
      if (organization === null) throw appError("NOT_FOUND", "INVITATION_LINK_INVALID", LINK_NOT_FOUND);
      if (isNewUser) await insertUser(tx, user);
      const membership: Membership = { id: randomUUID(), organizationId: organization.id, userId: user.id, role: invitation.role, createdAt: new Date() };
      await insertMembership(tx, membership, user.email);
      const target = { organizationId: organization.id, targetLabel: user.email, changes: { role: invitation.role } };
      await this.audit.record(asInvitee, { ...target, action: "member.added", targetType: "MEMBER", targetId: user.id });
      await this.audit.record(asInvitee, { ...target, action: "invitation.accepted", targetType: "INVITATION", targetId: invitation.id });
      return { user, organization, role: invitation.role };
    });
  }
}

/** Only a person accepts: API clients act for an organization, and operators add members directly. */
function refuseNonUsers(ctx: Ctx): void {
  const type = ctx.actor.type;
  if (type === "CLIENT" || type === "CLI" || type === "SYSTEM") throw new AppError("FORBIDDEN", "Only a person can accept an invitation");
}

async function isMemberByEmail(ctx: Ctx, organizationId: string, email: string): Promise<boolean> {
  return ctx.manager
    .createQueryBuilder(Membership, "m")
    .innerJoin(User, "u", "u.id = m.user_id")
    .where("m.organization_id = :organizationId AND u.email = :email", { organizationId, email })
    .getExists();
}

async function insertInvitation(ctx: Ctx, invitation: MemberInvitation): Promise<void> {
  try {
    await ctx.manager.insert(MemberInvitation, invitation);
  } catch (error) {
    if (isUniqueViolation(error)) throw appError("CONFLICT", "INVITATION_RACE", `${invitation.email} was just invited by someone else: refresh and try again`, { email: invitation.email });
    throw error;
  }
}
