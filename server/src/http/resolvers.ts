import type { NonEmptyArray } from "type-graphql";
import { AccountResolver } from "../modules/auth/account.resolver.js";
import { ApiClientResolver } from "../modules/api-clients/api-client.resolver.js";
import { ClientPublicKeyResolver } from "../modules/api-clients/client-public-key.resolver.js";
import { AuditResolver } from "../modules/audit/audit.resolver.js";
import { AuthResolver } from "../modules/auth/auth.resolver.js";
import { InvitationResolver } from "../modules/invitations/invitation.resolver.js";
import { MemberResolver } from "../modules/members/member.resolver.js";
import { OrganizationResolver } from "../modules/organizations/organization.resolver.js";
import { PermissionCatalogResolver } from "../modules/permissions/permission-catalog.resolver.js";
import { ServerInfoResolver } from "../modules/system/server-info.resolver.js";
import { FederatedCredentialResolver } from "../modules/federation/federated-credential.resolver.js";

export const RESOLVERS: NonEmptyArray<Function> = [
  ApiClientResolver,
  ClientPublicKeyResolver,
  AuditResolver,
  AuthResolver,
  InvitationResolver,
  MemberResolver,
  OrganizationResolver,
  PermissionCatalogResolver,
  ServerInfoResolver,
  AccountResolver,
  FederatedCredentialResolver,
];
