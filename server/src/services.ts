import type { DataSource } from "typeorm";
import type { Actor, Ctx } from "./common/context.js";
import type { Config } from "./config.js";
import { ApiClientService } from "./modules/api-clients/api-client.service.js";
import { AuditService } from "./modules/audit/audit.service.js";
import { AccessPolicy } from "./modules/auth/access-policy.js";
import { AuthService } from "./modules/auth/auth.service.js";
import { MemberService } from "./modules/members/member.service.js";
import { OrganizationService } from "./modules/organizations/organization.service.js";
import { loadCatalog, type PermissionCatalog } from "./modules/permissions/permission-catalog.js";

/** The one set of services every adapter (GraphQL, OAuth routes, CLI) calls. */
export interface Services {
  catalog: PermissionCatalog;
  access: AccessPolicy;
  audit: AuditService;
  organizations: OrganizationService;
  members: MemberService;
  auth: AuthService;
  apiClients: ApiClientService;
}

export function createServices(config: Config): Services {
  const catalog = loadCatalog(config.catalogPath);
  const access = new AccessPolicy();
  const audit = new AuditService(access);
  const organizations = new OrganizationService(access, audit, config.apiClientsDefault);
  return {
    catalog,
    access,
    audit,
    organizations,
    members: new MemberService(access, audit),
    auth: new AuthService(organizations, audit),
    apiClients: new ApiClientService(access, audit, catalog),
  };
}

export function createCtx(dataSource: DataSource, actor: Actor, request: { ip?: string | null; requestId?: string | null } = {}): Ctx {
  return { actor, ip: request.ip ?? null, requestId: request.requestId ?? null, manager: dataSource.manager, inTransaction: false };
}
