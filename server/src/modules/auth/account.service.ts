import { Not } from "typeorm";
import type { Ctx } from "../../common/context.js";
import { AppError, badInput } from "../../common/errors.js";
import { transactional } from "../../common/transaction.js";
import type { AuditService } from "../audit/audit.service.js";
import { Membership } from "../members/membership.entity.js";
import { hashPassword, passwordErrors } from "../members/password.js";
import { User } from "../members/user.entity.js";
import { Organization } from "../organizations/organization.entity.js";
import { hashToken } from "./auth.service.js";
import { Session } from "./session.entity.js";
import type { SignInGuard } from "./sign-in-guard.js";

/** A signed-in user's own account: password and sessions. */
export class AccountService {
  constructor(
    private readonly signIn: SignInGuard,
    private readonly audit: AuditService,
  ) {}

  /**
   * Checks the current password like a sign-in (throttled, within the hash budget: a stolen
   * session cookie must not become a password oracle), applies the password rule, and ends every
   * other session of the user. BAD_USER_INPUT on currentPassword or newPassword.
   */
  async changePassword(ctx: Ctx, sessionToken: string | null, currentPassword: string, newPassword: string): Promise<void> {
    const { user, session } = await this.signedIn(ctx, sessionToken);
    const organizations = await this.organizationsOf(ctx, user.id);
    const errors = passwordErrors(newPassword, "newPassword", [user.email, user.name, ...organizations.map((organization) => organization.name)]);
    if (errors.length === 0 && newPassword === currentPassword) errors.push({ field: "newPassword", reason: "PASSWORD_UNCHANGED", message: "Choose a password different from the current one" });
    if (errors.length > 0) throw badInput(errors);
    if ((await this.signIn.verify(ctx, user.email, currentPassword)) === null) {
      throw badInput([{ field: "currentPassword", reason: "PASSWORD_WRONG", message: "The current password is wrong" }]);
    }
    const passwordHash = await hashPassword(newPassword);
    await transactional(ctx, async (tx) => {
      await tx.manager.update(User, { id: user.id }, { passwordHash, updatedAt: new Date() });
      const ended = await endOtherSessions(tx, user.id, session);
      await this.record(tx, user, organizations, "user.password_changed", { otherSessionsEnded: ended });
    });
  }

  /** Ends every session of the signed-in user but this one; returns how many. */
  async signOutOtherSessions(ctx: Ctx, sessionToken: string | null): Promise<number> {
    const { user, session } = await this.signedIn(ctx, sessionToken);
    const organizations = await this.organizationsOf(ctx, user.id);
    return transactional(ctx, async (tx) => {
      const ended = await endOtherSessions(tx, user.id, session);
      await this.record(tx, user, organizations, "user.sessions_signed_out", { sessionsEnded: ended });
      return ended;
    });
  }

  private async signedIn(ctx: Ctx, sessionToken: string | null): Promise<{ user: User; session: string }> {
    const actor = ctx.actor;
    if (actor.type === "ANONYMOUS") throw new AppError("UNAUTHENTICATED", "Sign in first");
    if (actor.type !== "USER" || sessionToken === null) throw new AppError("FORBIDDEN", "Only a signed-in user can change their own password and sessions");
    const user = await ctx.manager.findOneBy(User, { id: actor.userId });
    if (user === null) throw new AppError("UNAUTHENTICATED", "Sign in first");
    return { user, session: hashToken(sessionToken) };
  }

  private async organizationsOf(ctx: Ctx, userId: string): Promise<Organization[]> {
    const memberships = await ctx.manager.findBy(Membership, { userId });
    if (memberships.length === 0) return [];
    return ctx.manager.createQueryBuilder(Organization, "o").whereInIds(memberships.map((membership) => membership.organizationId)).getMany();
  }

  /** One event in each of the user's organizations, so their owners see it; none of them: one without. */
  private async record(ctx: Ctx, user: User, organizations: Organization[], action: string, changes: Record<string, unknown>): Promise<void> {
    const ids = organizations.length === 0 ? [null] : organizations.map((organization) => organization.id);
    for (const organizationId of ids) {
      await this.audit.record(ctx, { organizationId, action, targetType: "USER", targetId: user.id, targetLabel: user.email, changes });
    }
  }
}

async function endOtherSessions(tx: Ctx, userId: string, keep: string): Promise<number> {
  const result = await tx.manager.delete(Session, { userId, idHash: Not(keep) });
  return result.affected ?? 0;
}
