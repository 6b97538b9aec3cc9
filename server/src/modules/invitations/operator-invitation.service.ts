import { randomUUID } from "node:crypto";
import { MoreThan } from "typeorm";
import { actorLabel, type Ctx } from "../../common/context.js";
import { AppError, appError, badInput } from "../../common/errors.js";
import { transactional } from "../../common/transaction.js";
import { isUniqueViolation } from "../../common/unique-violation.js";
import type { AuditService } from "../audit/audit.service.js";
import type { AccessPolicy } from "../auth/access-policy.js";
import { insertUser } from "../members/member.service.js";
import { emailErrors, normalizeEmail } from "../members/password.js";
import { User } from "../members/user.entity.js";
import type { InvitationDelivery, InvitationSender } from "./invitation-sender.js";
import { generateInvitationToken, hasInvitationTokenShape, hashInvitationToken, invitationUrl } from "./invitation-token.js";
import { INVITATION_TTL_MS, isExpired } from "./invitation.rules.js";
import { OperatorInvitation } from "./operator-invitation.entity.js";

/**
 * Invitations to become an operator: invitations of no organization, with the member
 * invitations' link, expiry and single use. InvitationService answers the link (preview, accept)
 * for both kinds; this class makes, lists and withdraws them, and grants the role on accepting.
 */
export class OperatorInvitationService {
  constructor(
    private readonly access: AccessPolicy,
    private readonly audit: AuditService,
    private readonly sender: InvitationSender,
    private readonly issuer: string,
  ) {}

  /** Operators only: pending operator invitations, expired ones too. */
  async list(ctx: Ctx): Promise<OperatorInvitation[]> {
    this.access.operator(ctx);
    return ctx.manager.find(OperatorInvitation, { order: { createdAt: "ASC", id: "ASC" } });
  }

  /**
   * Operators only. Replaces a pending operator invitation of the address; CONFLICT when the
   * address already belongs to an operator. Audits `operator.invited` (no organization).
   */
  async invite(ctx: Ctx, rawEmail: string): Promise<{ invitation: OperatorInvitation; delivery: InvitationDelivery }> {
    this.access.operator(ctx);
    const email = normalizeEmail(rawEmail);
    const errors = emailErrors(email);
    if (errors.length > 0) throw badInput(errors);
    const token = generateInvitationToken();
    const now = new Date();
    const invitation: OperatorInvitation = {
      id: randomUUID(),
      email,
      tokenHash: hashInvitationToken(token),
      invitedById: ctx.actor.type === "USER" ? ctx.actor.userId : null,
      invitedByLabel: actorLabel(ctx.actor),
      createdAt: now,
      expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
    };
    await transactional(ctx, async (tx) => {
      const user = await tx.manager.findOneBy(User, { email });
      if (user?.isOperator === true) throw appError("CONFLICT", "ALREADY_OPERATOR", `${email} is already an operator`, { email });
      const replaced = await tx.manager.findOneBy(OperatorInvitation, { email });
      if (replaced !== null) await tx.manager.delete(OperatorInvitation, { id: replaced.id });
      try {
        await tx.manager.insert(OperatorInvitation, invitation);
      } catch (error) {
        if (isUniqueViolation(error)) throw appError("CONFLICT", "INVITATION_RACE", `${email} was just invited by someone else: refresh and try again`, { email });
        throw error;
      }
      const changes = { expiresAt: invitation.expiresAt.toISOString(), ...(replaced === null ? {} : { replaces: replaced.id }) };
      await this.audit.record(tx, { organizationId: null, action: "operator.invited", targetType: "INVITATION", targetId: invitation.id, targetLabel: email, changes });
    });
    const delivery = await this.sender.deliver({
      email,
      role: "OWNER",
      organizationName: "Clavis",
      invitedBy: invitation.invitedByLabel,
      expiresAt: invitation.expiresAt,
      invitationUrl: invitationUrl(this.issuer, token),
      forOperator: true,
    });
    return { invitation, delivery };
  }

  /** Operators only; NOT_FOUND for an unknown id. Audits `operator.invitation_withdrawn`. */
  async withdraw(ctx: Ctx, id: string): Promise<string> {
    this.access.operator(ctx);
    return transactional(ctx, async (tx) => {
      const invitation = await tx.manager.findOneBy(OperatorInvitation, { id });
      if (invitation === null) throw new AppError("NOT_FOUND", "Invitation not found");
      await tx.manager.delete(OperatorInvitation, { id });
      await this.audit.record(tx, { organizationId: null, action: "operator.invitation_withdrawn", targetType: "INVITATION", targetId: id, targetLabel: invitation.email, changes: {} });
      return id;
    });
  }

  /** The pending (unexpired) operator invitation of a link, or null. */
  async findPending(ctx: Ctx, token: string): Promise<OperatorInvitation | null> {
    if (!hasInvitationTokenShape(token)) return null;
    const invitation = await ctx.manager.findOneBy(OperatorInvitation, { tokenHash: hashInvitationToken(token) });
    return invitation === null || isExpired(invitation) ? null : invitation;
  }

  /**
   * One transaction: the invitation is used up exactly once, and the user (created here when
   * new) gets the role. Audits `operator.added` and `invitation.accepted` as the invitee.
   * Returns false when the link was used or expired meanwhile.
   */
  accept(ctx: Ctx, invitation: OperatorInvitation, user: User, isNewUser: boolean): Promise<boolean> {
    return transactional(ctx, async (tx) => {
      const used = await tx.manager.delete(OperatorInvitation, { id: invitation.id, expiresAt: MoreThan(new Date()) });
      if (used.affected === 0) return false;
      if (isNewUser) await insertUser(tx, { ...user, isOperator: true });
      else await tx.manager.update(User, { id: user.id }, { isOperator: true, updatedAt: new Date() });
      const asInvitee: Ctx = { ...tx, actor: { type: "USER", userId: user.id, email: user.email, isOperator: true } };
      const target = { organizationId: null, targetLabel: user.email, changes: {} };
      await this.audit.record(asInvitee, { ...target, action: "operator.added", targetType: "OPERATOR", targetId: user.id });
      await this.audit.record(asInvitee, { ...target, action: "invitation.accepted", targetType: "INVITATION", targetId: invitation.id });
      return true;
    });
  }
}
