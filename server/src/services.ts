import type { DataSource } from "typeorm";
import type { Actor, Ctx } from "./common/context.js";
import { HashBudget } from "./common/hash-budget.js";
import { SharedCounters } from "./common/shared-counters.js";
import { isSqlite } from "./common/transaction.js";
import type { Config } from "./config.js";
import { ApiClientService } from "./modules/api-clients/api-client.service.js";
import { ClientPublicKeyService } from "./modules/api-clients/client-public-key.service.js";
import { AuditService } from "./modules/audit/audit.service.js";
import { AccessPolicy } from "./modules/auth/access-policy.js";
import { AccountService } from "./modules/auth/account.service.js";
import { AuthService } from "./modules/auth/auth.service.js";
import { ShowLinkToInviter } from "./modules/invitations/invitation-sender.js";
import { InvitationService } from "./modules/invitations/invitation.service.js";
import { SignInGuard } from "./modules/auth/sign-in-guard.js";
import { MemberService } from "./modules/members/member.service.js";
import { OrganizationService } from "./modules/organizations/organization.service.js";
import { loadCatalog, type PermissionCatalog } from "./modules/permissions/permission-catalog.js";
import { SigningKeyService } from "./modules/signing-keys/signing-key.service.js";
import { resolveKeyRing } from "./modules/signing-keys/key-file.js";
import type { KeyRing } from "./modules/signing-keys/key-ring.js";
import { ServerKeyService } from "./modules/signing-keys/server-key.service.js";
import { ClientAuthService } from "./modules/tokens/client-auth.service.js";
import { ClientAuthenticator } from "./modules/tokens/client-authenticator.js";
import { ClientStateCache } from "./modules/tokens/client-state-cache.js";
import { LastUsedRecorder } from "./modules/tokens/last-used-recorder.js";
import { TokenService } from "./modules/tokens/token.service.js";
import { UserDirectory } from "./modules/user-tokens/user-directory.js";
import { UserTokenService } from "./modules/user-tokens/user-token.service.js";
import { AssertionReplayStore } from "./modules/tokens/assertion-replay.js";
import { ClientAssertionAuthenticator } from "./modules/tokens/client-assertion-authenticator.js";
import { PrivateKeyJwtVerifier } from "./modules/tokens/private-key-jwt-verifier.js";
import type { Logger } from "./common/logger.js";
import { FederatedAssertionVerifier } from "./modules/federation/federated-assertion.js";
import { FederatedCredentialService } from "./modules/federation/federated-credential.service.js";
import { IssuerKeys } from "./modules/federation/issuer-keys.js";

/** The one set of services every adapter (GraphQL, OAuth routes, CLI) calls. */
export interface Services {
  catalog: PermissionCatalog;
  /** Slow hashes (argon2id) that unauthenticated requests may start, per address (throttleKey). */
  hashBudget: HashBudget;
  access: AccessPolicy;
  audit: AuditService;
  organizations: OrganizationService;
  members: MemberService;
  auth: AuthService;
  account: AccountService;
  apiClients: ApiClientService;
  keys: SigningKeyService;
  clientStates: ClientStateCache;
  clientAuth: ClientAuthService;
  tokens: TokenService;
  lastUsed: LastUsedRecorder;
  invitations: InvitationService;
  /** The key-encryption key of stored keys, and where it came from. */
  keyRing: KeyRing;
  serverKeys: ServerKeyService;
  userTokens: UserTokenService;
  /** Public keys of PRIVATE_KEY_JWT clients (issue 17). */
  clientKeys: ClientPublicKeyService;
  federation: FederatedCredentialService;
}

export function createServices(config: Config, dataSource: DataSource, logger: Logger | null = null): Services {
  const catalog = loadCatalog(config.catalogPath);
  const access = new AccessPolicy();
  const audit = new AuditService(access);
  const clientStates = new ClientStateCache(dataSource);
  const organizations = new OrganizationService(access, audit, config.apiClientsDefault, (id) => clientStates.evictOrganization(id));
  const keyRing = resolveKeyRing(config);
  const serverKeys = new ServerKeyService(keyRing);
  const system = createCtx(dataSource, { type: "SYSTEM" });
  const keys = new SigningKeyService(keyRing, audit);
  const lastUsed = new LastUsedRecorder(dataSource);
  // Per address and minute: 20 password hashes or 100 client-secret verifications (HASH_COST).
  // On MySQL/MariaDB the throttles count in the database, so several nodes share one allowance.
  const shared = isSqlite(dataSource) ? null : new SharedCounters(dataSource);
  const hashBudget = new HashBudget(100, 60_000, shared);
  const signIn = new SignInGuard(hashBudget, shared);
  const auth = new AuthService(organizations, audit, hashBudget, signIn);
  const apiClients = new ApiClientService(access, audit, catalog, (clientId) => clientStates.evict(clientId), (ctx) => serverKeys.secretDigestKey(ctx), config.federationIssuers);
  return {
    catalog,
    hashBudget,
    access,
    audit,
    organizations,
    members: new MemberService(access, audit),
    auth,
    account: new AccountService(signIn, audit),
    apiClients,
    keys,
    clientStates,
    clientAuth: new ClientAuthService(new ClientAuthenticator(clientStates, dataSource, () => serverKeys.secretDigestKey(system)), audit, hashBudget, shared, assertionAuthenticator(config, dataSource, clientStates, logger)),
    tokens: new TokenService(config.issuer, dataSource, keys, clientStates, lastUsed),
    lastUsed,
    invitations: new InvitationService(access, audit, auth, hashBudget, new ShowLinkToInviter(), config.issuer),
    keyRing,
    serverKeys,
    userTokens: new UserTokenService(config.userDirectory === null ? null : new UserDirectory(config.userDirectory), hashBudget, audit, config.impersonationTtlSeconds),
    clientKeys: new ClientPublicKeyService(apiClients, audit, (clientId) => clientStates.evict(clientId)),
    federation: new FederatedCredentialService(apiClients, audit, config.federationIssuers, (clientId) => clientStates.evict(clientId)),
  };
}

/** Issue 17: one verifier per secretless authentication method. */
function assertionAuthenticator(config: Config, dataSource: DataSource, clientStates: ClientStateCache, logger: Logger | null): ClientAssertionAuthenticator {
  // Logged once per outage of an issuer, with the issuer and why, never the token.
  const reportOutage = (issuer: string, why: string) => logger?.warn({ issuer, why }, "a federation issuer's keys cannot be fetched; its tokens are refused until they can");
  const federated = new FederatedAssertionVerifier(dataSource, new IssuerKeys(config.federationIssuers), config.federationIssuers, reportOutage);
  return new ClientAssertionAuthenticator(clientStates, { PRIVATE_KEY_JWT: new PrivateKeyJwtVerifier(config.issuer), FEDERATED: federated }, new AssertionReplayStore(dataSource));
}

export function createCtx(dataSource: DataSource, actor: Actor, request: { ip?: string | null; requestId?: string | null } = {}): Ctx {
  return { actor, ip: request.ip ?? null, requestId: request.requestId ?? null, manager: dataSource.manager, inTransaction: false };
}
