import { InitialSchema1763900000001 } from "./migrations/0001-initial-schema.js";
import { ClientsEtag1763900000002 } from "./migrations/0002-clients-etag.js";
import { ExactIdentifiers1763900000003 } from "./migrations/0003-exact-identifiers.js";
import { ServerKeys1763900000004 } from "./migrations/0004-server-keys.js";
import { MemberInvitations1763900000005 } from "./migrations/0005-member-invitations.js";
import { UserCreatedByLink1763900000006 } from "./migrations/0006-user-created-by-link.js";
import { ClientSearchText1763900000007 } from "./migrations/0007-client-search-text.js";
import { UserTokens1763900000009 } from "./migrations/0009-user-tokens.js";
import { ThrottleCounters1763900000011 } from "./migrations/0011-throttle-counters.js";
import { ClientPublicKeys1763900000014 } from "./migrations/0014-client-public-keys.js";
import { FederatedCredentials1763900000015 } from "./migrations/0015-federated-credentials.js";

/** In order; a new migration is appended here and never edited once released. */
export const MIGRATIONS = [InitialSchema1763900000001, ClientsEtag1763900000002, ExactIdentifiers1763900000003, ServerKeys1763900000004, MemberInvitations1763900000005, UserCreatedByLink1763900000006, ClientSearchText1763900000007, UserTokens1763900000009, ThrottleCounters1763900000011, ClientPublicKeys1763900000014, FederatedCredentials1763900000015];
