import { randomUUID } from "node:crypto";
import type { Ctx } from "../../common/context.js";
import { AppError, badInput } from "../../common/errors.js";
import { transactional } from "../../common/transaction.js";
import { isUniqueViolation } from "../../common/unique-violation.js";
import { exactly } from "../../db/exact-match.js";
import type { AuditService } from "../audit/audit.service.js";
import type { AccessPolicy } from "../auth/access-policy.js";
import { Membership, type MemberRole } from "../members/membership.entity.js";
import type { Page, PageArgs } from "../../common/pagination.js";
import { Organization } from "./organization.entity.js";
import { organizationPage } from "./organization-page.js";
import { organizationSlug } from "./organization-slug.js";
import { DEFAULT_LIMITS, organizationErrors, type OrganizationLimits } from "./organization.rules.js";

export interface CreateOrganizationData extends Partial<OrganizationLimits> {
  name: string;
  apiClientsEnabled?: boolean;
}

export type UpdateOrganizationData = Partial<CreateOrganizationData>;

export class OrganizationService {
  constructor(
    private readonly access: AccessPolicy,
    private readonly audit: AuditService,
    private readonly apiClientsDefault: boolean,
    private readonly changed: (organizationId: string) => void = () => undefined,
  ) {}

  /** With the signed-in user's role; NOT_FOUND for an organization the actor may not see. */
  async get(ctx: Ctx, id: string): Promise<{ organization: Organization; role: MemberRole | null }> {
    const organization = await this.access.organization(ctx, id, "read");
    if (ctx.actor.type !== "USER") return { organization, role: null };
    const membership = await ctx.manager.findOneBy(Membership, { organizationId: id, userId: ctx.actor.userId });
    return { organization, role: membership?.role ?? null };
  }

  async listForUser(ctx: Ctx, userId: string): Promise<{ organization: Organization; role: Membership["role"] }[]> {
    const memberships = await ctx.manager.findBy(Membership, { userId });
    if (memberships.length === 0) return [];
    const organizations = await ctx.manager.createQueryBuilder(Organization, "o").whereInIds(memberships.map((m) => m.organizationId)).orderBy("o.name").getMany();
    return organizations.map((organization) => ({
      organization,
      role: memberships.find((m) => m.organizationId === organization.id)?.role ?? "VIEWER",
    }));
  }

  /** Every organization: operators and system clients only. */
  async listAll(ctx: Ctx): Promise<Organization[]> {
    this.access.platform(ctx, "read");
    return ctx.manager.find(Organization, { order: { createdAt: "ASC", id: "ASC" } });
  }

  /** Operators and system clients with system.organizations.read: by name, searched (organizationPage). */
  async page(ctx: Ctx, search: string | null, page: PageArgs, language: string): Promise<Page<Organization>> {
    this.access.platform(ctx, "read");
    return organizationPage(await ctx.manager.find(Organization), search, page, language);
  }

  /** Operators and system clients only. Writes `organization.created` to the audit trail. */
  async create(ctx: Ctx, data: CreateOrganizationData): Promise<Organization> {
    this.access.platform(ctx, "write");
    return this.insert(ctx, data);
  }

  /** First-run setup's organization, audited as created by the first owner. */
  createDuringSetup(ctx: Ctx, data: CreateOrganizationData): Promise<Organization> {
    return this.insert(ctx, data);
  }

  private async insert(ctx: Ctx, data: CreateOrganizationData): Promise<Organization> {
    const errors = organizationErrors(data);
    if (errors.length > 0) throw badInput(errors);
    return transactional(ctx, async (tx) => {
      const now = new Date();
      for (let attempt = 0; ; attempt += 1) {
        const organization: Organization = {
          id: randomUUID(),
          name: data.name.trim(),
          slug: organizationSlug(data.name),
          maxApiClients: data.maxApiClients ?? DEFAULT_LIMITS.maxApiClients,
          maxTokensPerClient: data.maxTokensPerClient ?? DEFAULT_LIMITS.maxTokensPerClient,
          accessTokenTtlSeconds: data.accessTokenTtlSeconds ?? DEFAULT_LIMITS.accessTokenTtlSeconds,
          apiClientsEnabled: data.apiClientsEnabled ?? this.apiClientsDefault,
          apiClientCount: 0,
          clientsEtag: randomUUID(),
          createdAt: now,
          updatedAt: now,
        };
        try {
          await tx.manager.insert(Organization, organization);
        } catch (error) {
          // A slug collision: 32^4 tails per name, so a retry or two always finds a free one.
          if (isUniqueViolation(error) && attempt < 5) continue;
          throw error;
        }
        await this.audit.record(tx, {
          organizationId: organization.id,
          action: "organization.created",
          targetType: "ORGANIZATION",
          targetId: organization.id,
          targetLabel: organization.name,
          changes: { name: organization.name, apiClientsEnabled: organization.apiClientsEnabled },
        });
        return organization;
      }
    });
  }

  /** Operators and system clients only. */
  async update(ctx: Ctx, id: string, data: UpdateOrganizationData): Promise<Organization> {
    this.access.platform(ctx, "write");
    const errors = organizationErrors(data);
    if (errors.length > 0) throw badInput(errors);
    return transactional(ctx, async (tx) => {
      const organization = exactly(await tx.manager.findOneBy(Organization, { id }), (row) => row.id, id);
      if (organization === null) throw new AppError("NOT_FOUND", "Organization not found");
      const changes: Record<string, unknown> = {};
      for (const key of ["name", "maxApiClients", "maxTokensPerClient", "accessTokenTtlSeconds", "apiClientsEnabled"] as const) {
        const value = key === "name" ? data.name?.trim() : data[key];
        if (value !== undefined && value !== organization[key]) changes[key] = { from: organization[key], to: value };
      }
      if (Object.keys(changes).length === 0) return organization;
      Object.assign(organization, Object.fromEntries(Object.entries(changes).map(([key, change]) => [key, (change as { to: unknown }).to])), { updatedAt: new Date() });
      await tx.manager.save(Organization, organization);
      await this.audit.record(tx, { organizationId: id, action: "organization.updated", targetType: "ORGANIZATION", targetId: id, targetLabel: organization.name, changes });
      return organization;
    }).finally(() => this.changed(id));
  }
}
