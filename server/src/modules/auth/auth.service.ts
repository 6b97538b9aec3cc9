import { createHash, randomBytes, randomUUID } from "node:crypto";
import { LessThan } from "typeorm";
import type { Ctx } from "../../common/context.js";
import { AppError, appError, badInput } from "../../common/errors.js";
import { HASH_COST, type HashBudget } from "../../common/hash-budget.js";
import { inTransaction, isSqlite, transactional, writeInTurn } from "../../common/transaction.js";
import { nameErrors } from "../api-clients/api-client.rules.js";
import type { AuditService } from "../audit/audit.service.js";
import { insertUser } from "../members/member.service.js";
import { Membership } from "../members/membership.entity.js";
import { emailErrors, hashPassword, normalizeEmail, passwordErrors } from "../members/password.js";
import { User } from "../members/user.entity.js";
import type { Organization } from "../organizations/organization.entity.js";
import type { OrganizationService } from "../organizations/organization.service.js";
import { Session } from "./session.entity.js";
import type { SignInGuard } from "./sign-in-guard.js";

export const SESSION_TTL_MS = 7 * 24 * 3600 * 1000;

export interface SetupData {
  organizationName: string;
  name: string;
  email: string;
  password: string;
}

/** What the sessions table keeps of a session cookie value. */
export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

const alreadySetUp = () => appError("FORBIDDEN", "ALREADY_SET_UP", "Clavis is already set up: sign in instead");

export class AuthService {
  constructor(
    private readonly organizations: OrganizationService,
    private readonly audit: AuditService,
    private readonly hashBudget: HashBudget,
    private readonly signIn: SignInGuard,
  ) {}

  async needsSetup(ctx: Ctx): Promise<boolean> {
    return (await ctx.manager.count(User)) === 0;
  }

  /**
   * First run only: creates the first organization and its owner, who is also the first
   * operator, and signs them in. Once set
   * up it answers FORBIDDEN before any slow work; before that, every attempt takes a hash-budget
   * slot (the strength check and argon2 are the slow work).
   */
  async setup(ctx: Ctx, data: SetupData): Promise<{ user: User; organization: Organization; token: string }> {
    if (!(await this.needsSetup(ctx))) throw alreadySetUp();
    await this.hashBudget.spend(ctx.ip, HASH_COST.password);
    const email = normalizeEmail(data.email);
    const errors = [
      ...nameErrors(data.organizationName, "organizationName"),
      ...nameErrors(data.name),
      ...emailErrors(email),
      ...passwordErrors(data.password, "password", [email, data.name, data.organizationName]),
    ];
    if (errors.length > 0) throw badInput(errors);
    const passwordHash = await hashPassword(data.password);
    const { user, organization } = await transactional(ctx, async (tx) => {
      if (await this.hasAnyUserLocked(tx)) throw alreadySetUp();
      const now = new Date();
      // The first user runs the platform too (issue 14): there is nobody else to name an operator.
      const user: User = { id: randomUUID(), email, name: data.name.trim(), passwordHash, createdByLink: false, isOperator: true, createdAt: now, updatedAt: now };
      await insertUser(tx, user);
      const asOwner = { ...tx, actor: { type: "USER" as const, userId: user.id, email, isOperator: true } };
      const organization = await this.organizations.createDuringSetup(asOwner, { name: data.organizationName });
      await tx.manager.insert(Membership, { id: randomUUID(), organizationId: organization.id, userId: user.id, role: "OWNER", createdAt: now });
      await this.audit.record(asOwner, { organizationId: organization.id, action: "member.added", targetType: "MEMBER", targetId: user.id, targetLabel: email, changes: { role: "OWNER" } });
      return { user, organization };
    });
    return { user, organization, token: await this.createSession(ctx, user.id) };
  }

  /** Throws UNAUTHENTICATED for a wrong e-mail address or password, TOO_MANY_REQUESTS (see SignInGuard). */
  async login(ctx: Ctx, email: string, password: string): Promise<{ user: User; token: string }> {
    const user = await this.signIn.verify(ctx, normalizeEmail(email), password);
    if (user === null) throw appError("UNAUTHENTICATED", "INVALID_CREDENTIALS", "The e-mail address or password is wrong");
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

  /**
   * Inside setup's transaction. On MySQL, FOR UPDATE also locks the gap past the last row, so a
   * concurrent setup's insert waits for this one (or deadlocks and is run again) and then sees
   * its user; SQLite runs transactions one at a time.
   */
  private async hasAnyUserLocked(tx: Ctx): Promise<boolean> {
    const query = tx.manager.createQueryBuilder(User, "u").select("u.id", "id").limit(1);
    if (!isSqlite(tx.manager.connection)) query.setLock("pessimistic_write");
    return (await query.getRawOne()) !== undefined;
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
