import { ApiClientSecret } from "../modules/api-clients/api-client-secret.entity.js";
import { ApiClient } from "../modules/api-clients/api-client.entity.js";
import { AuditEvent } from "../modules/audit/audit-event.entity.js";
import { Session } from "../modules/auth/session.entity.js";
import { Membership } from "../modules/members/membership.entity.js";
import { User } from "../modules/members/user.entity.js";
import { Organization } from "../modules/organizations/organization.entity.js";
import { SigningKey } from "../modules/signing-keys/signing-key.entity.js";
import { ServerKey } from "../modules/signing-keys/server-key.entity.js";
import { AccessToken } from "../modules/tokens/access-token.entity.js";
import { MemberInvitation } from "../modules/invitations/member-invitation.entity.js";
import { ApiClientPublicKey } from "../modules/api-clients/api-client-public-key.entity.js";
import { FederatedCredential } from "../modules/federation/federated-credential.entity.js";

export const ENTITIES = [
  Organization,
  User,
  Membership,
  Session,
  ApiClient,
  ApiClientSecret,
  AccessToken,
  SigningKey,
  AuditEvent,
  MemberInvitation,
  ServerKey,
  ApiClientPublicKey,
  FederatedCredential,
];
