import { createHash, randomBytes, randomUUID } from "node:crypto";
import { LessThan } from "typeorm";
import type { Ctx } from "../../common/context.js";
import { AppError, badInput } from "../../common/errors.js";
import { RateLimiter } from "../../common/rate-limiter.js";
import { inTransaction, transactional, writeInTurn } from "../../common/transaction.js";
import { nameErrors } from "../api-clients/api-client.rules.js";
import type { AuditService } from "../audit/audit.service.js";
import { insertUser } from "../members/member.service.js";
import { Membership } from "../members/membership.entity.js";
import { emailErrors, hashPassword, normalizeEmail, passwordErrors, verifyAgainstDummy, verifyPassword } from "../members/password.js";
import { User } from "../members/user.entity.js";
import type { Organization } from "../organizations/organization.entity.js";
import type { OrganizationService } from "../organizations/organization.service.js";
import { Session } from "./session.entity.js";

export const SESSION_TTL_MS = 7 * 24 * 3600 * 1000;

export interface SetupData {
  organizationName: string;
  name: string;
  email: string;
  password: string;
}

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export class AuthService {
  // Per address: every attempt. Per account: failures only, so a locked-out owner is not also
  // locked out by their own correct attempts from elsewhere once the window passes.
  private readonly perIp = new RateLimiter(20, 5 * 60_000);
  private readonly perAccount = new RateLimiter(5, 15 * 60_000);

  constructor(
    private readonly organizations: OrganizationService,
    private readonly audit: AuditService,
  ) {}

  async needsSetup(ctx: Ctx): Promise<boolean> {
    return (await ctx.manager.count(User)) === 0;
  }

  /** First run only: creates the first organization and its owner, and signs them in. */
  async setup(ctx: Ctx, data: SetupData): Promise<{ user: User; organization: Organization; token: string }> {
    const email = normalizeEmail(data.email);
    const errors = [...nameErrors(data.organizationName, "organizationName"), ...nameErrors(data.name), ...emailErrors(email), ...passwordErrors(data.password)];
    if (errors.length > 0) throw badInput(errors);
    const passwordHash = await hashPassword(data.password);
    const { user, organization } = await transactional(ctx, async (tx) => {
      if (!(await this.needsSetup(tx))) throw new AppError("FORBIDDEN", "Clavis is already set up: sign in instead");
      const now = new Date();
      const user: User = { id: randomUUID(), email, name: data.name.trim(), passwordHash, createdAt: now, updatedAt: now };
      await insertUser(tx, user);
      const asOwner = { ...tx, actor: { type: "USER" as const, userId: user.id, email } };
      const organization = await this.organizations.createDuringSetup(asOwner, { name: data.organizationName });
      await tx.manager.insert(Membership, { id: randomUUID(), organizationId: organization.id, userId: user.id, role: "OWNER", createdAt: now });
      await this.audit.record(asOwner, { organizationId: organization.id, action: "member.added", targetType: "MEMBER", targetId: user.id, targetLabel: email, changes: { role: "OWNER" } });
      return { user, organization };
    });
    return { user, organization, token: await this.createSession(ctx, user.id) };
  }

  async login(ctx: Ctx, emailInput: string, password: string): Promise<{ user: User; token: string }> {
    const email = normalizeEmail(emailInput);
    const ipKey = ctx.ip ?? "unknown";
    const wait = this.perIp.blockedFor(ipKey) ?? this.perAccount.blockedFor(email);
    if (wait !== null) throw new AppError("LIMIT_EXCEEDED", `Too many sign-in attempts. Try again in ${wait} seconds.`);
    this.perIp.hit(ipKey);
    const user = await ctx.manager.findOneBy(User, { email });
    const valid = user === null ? await verifyAgainstDummy(password) : await verifyPassword(user.passwordHash, password);
    if (user === null || !valid) {
      this.perAccount.hit(email);
      throw new AppError("UNAUTHENTICATED", "The e-mail address or password is wrong");
    }
    this.perAccount.reset(email);
    return { user, token: await this.createSession(ctx, user.id) };
  }

  async currentUser(ctx: Ctx): Promise<User | null> {
    return ctx.actor.type === "USER" ? ctx.manager.findOneBy(User, { id: ctx.actor.userId }) : null;
  }

  async logout(ctx: Ctx, token: string): Promise<void> {
    await writeInTurn(ctx.manager.connection, () => ctx.manager.delete(Session, { idHash: hashToken(token) }));
  }

  /** The signed-in user for a session cookie value, or null when it is unknown or expired. */
  async userForSession(ctx: Ctx, token: string): Promise<User | null> {
    const session = await ctx.manager.findOneBy(Session, { idHash: hashToken(token) });
    if (session === null) return null;
    if (session.expiresAt.getTime() <= Date.now()) {
      await writeInTurn(ctx.manager.connection, () => ctx.manager.delete(Session, { idHash: session.idHash }));
      return null;
    }
    return ctx.manager.findOneBy(User, { id: session.userId });
  }

  /** A new session for the user (also after accepting an invitation): the cookie value. */
  async createSession(ctx: Ctx, userId: string): Promise<string> {
    const token = randomBytes(32).toString("base64url");
    const now = new Date();
    await inTransaction(ctx.manager.connection, async (manager) => {
      await manager.delete(Session, { userId, expiresAt: LessThan(now) });
      await manager.insert(Session, { idHash: hashToken(token), userId, createdAt: now, expiresAt: new Date(now.getTime() + SESSION_TTL_MS), lastSeenAt: now, ip: ctx.ip, userAgent: null });
    });
    return token;
  }
}
