import { randomUUID } from "node:crypto";
import type { Ctx } from "../../common/context.js";
import { AppError, appError, badInput } from "../../common/errors.js";
import { isSqlite, transactional } from "../../common/transaction.js";
import { nameErrors } from "../api-clients/api-client.rules.js";
import type { AuditService } from "../audit/audit.service.js";
import type { AccessPolicy } from "../auth/access-policy.js";
import { insertUser } from "../members/member.service.js";
import { emailErrors, hashPassword, normalizeEmail, passwordErrors } from "../members/password.js";
import { User } from "../members/user.entity.js";

export interface CreateOperatorData {
  email: string;
  /** For a new user only (default: the part of the e-mail address before @). */
  name?: string | null;
  /** Required for a new user; an existing user keeps theirs. */
  password?: string | null;
}

/**
 * The platform role. It comes from users.is_operator only: no membership grants it and it
 * grants no membership. Removing it takes effect on the user's next request (the actor is read
 * per request). There is always at least one operator.
 */
export class OperatorService {
  constructor(
    private readonly access: AccessPolicy,
    private readonly audit: AuditService,
  ) {}

  /** Operators only, by name (then e-mail address), ordered alike on every database. */
  async list(ctx: Ctx): Promise<User[]> {
    this.access.operator(ctx);
    const collator = new Intl.Collator("en", { numeric: true });
    const operators = await ctx.manager.find(User, { where: { isOperator: true } });
    return operators.sort((a, b) => collator.compare(a.name, b.name) || collator.compare(a.email, b.email));
  }

  /**
   * Operators only (the CLI): gives an existing user the role (their password stays), or creates
   * the user as an operator. Audits `operator.added`.
   */
  async create(ctx: Ctx, data: CreateOperatorData): Promise<{ user: User; isNewUser: boolean }> {
    this.access.operator(ctx);
    const email = normalizeEmail(data.email);
    if (emailErrors(email).length > 0) throw badInput(emailErrors(email));
    const existing = await ctx.manager.findOneBy(User, { email });
    let user: User;
    if (existing === null) {
      const name = (data.name ?? email.split("@")[0]).trim();
      const password = data.password ?? "";
      const errors = [...nameErrors(name), ...passwordErrors(password, "password", [email, name])];
      if (errors.length > 0) throw badInput(errors);
      const now = new Date();
      user = { id: randomUUID(), email, name, passwordHash: await hashPassword(password), createdByLink: false, isOperator: true, createdAt: now, updatedAt: now };
    } else {
      if (existing.isOperator) throw appError("CONFLICT", "ALREADY_OPERATOR", `${email} is already an operator`, { email });
      user = { ...existing, isOperator: true, updatedAt: new Date() };
    }
    await transactional(ctx, async (tx) => {
      if (existing === null) await insertUser(tx, user);
      else await tx.manager.update(User, { id: user.id }, { isOperator: true, updatedAt: user.updatedAt });
      await this.audit.record(tx, { organizationId: null, action: "operator.added", targetType: "OPERATOR", targetId: user.id, targetLabel: email, changes: existing === null ? { newUser: true } : {} });
    });
    return { user, isNewUser: existing === null };
  }

  /** Operators only: the user keeps their account and memberships. FORBIDDEN LAST_OPERATOR for the last one. */
  async remove(ctx: Ctx, userId: string): Promise<string> {
    this.access.operator(ctx);
    return transactional(ctx, async (tx) => {
      // Every operator row locked (MySQL): two operators removing each other at once cannot
      // both see the other as the one that remains. SQLite runs transactions one at a time.
      const query = tx.manager.createQueryBuilder(User, "u").where("u.is_operator = :yes", { yes: true });
      if (!isSqlite(tx.manager.connection)) query.setLock("pessimistic_write");
      const operators = await query.getMany();
      const target = operators.find((user) => user.id === userId);
      if (target === undefined) throw new AppError("NOT_FOUND", "Operator not found");
      if (operators.length <= 1) throw appError("FORBIDDEN", "LAST_OPERATOR", "The last operator cannot be removed: make someone else an operator first");
      await tx.manager.update(User, { id: userId }, { isOperator: false, updatedAt: new Date() });
      await this.audit.record(tx, { organizationId: null, action: "operator.removed", targetType: "OPERATOR", targetId: userId, targetLabel: target.email, changes: {} });
      return userId;
    });
  }
}
