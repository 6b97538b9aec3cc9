import { gql, type TypedDocumentNode } from "@apollo/client";

export const IS_OPERATOR: TypedDocumentNode<{ me: { id: string; isOperator: boolean } | null }> = gql`
  query IsOperator {
    me {
      id
      isOperator
    }
  }
`;

export interface SigningKey {
  kid: string;
  algorithm: string;
  createdAt: string;
  active: boolean;
  encryptedAtRest: boolean;
}

const KEY_FIELDS = gql`
  fragment SigningKeyFields on SigningKeyInfo {
    kid
    algorithm
    createdAt
    active
    encryptedAtRest
  }
`;

export const SIGNING_KEYS: TypedDocumentNode<{ signingKeys: SigningKey[] }> = gql`
  query SigningKeys {
    signingKeys {
      ...SigningKeyFields
    }
  }
  ${KEY_FIELDS}
`;

export const ROTATE_SIGNING_KEY: TypedDocumentNode<{ rotateSigningKey: SigningKey }> = gql`
  mutation RotateSigningKey {
    rotateSigningKey {
      ...SigningKeyFields
    }
  }
  ${KEY_FIELDS}
`;

export interface PlatformAuditVariables {
  first: number;
  after: string | null;
  filter: { action: string | null; actorType: string | null } | null;
}

/** The event's shape is the audit feature's; the route passes each node to its card. */
export const PLATFORM_AUDIT_EVENTS: TypedDocumentNode<
  { platformAuditEvents: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: { id: string; action: string; actor: { type: string; id: string | null; label: string }; targetType: string; targetId: string | null; targetLabel: string | null; ip: string | null; changes: Record<string, unknown>; reason: string | null; createdAt: string } }[] } },
  PlatformAuditVariables
> = gql`
  query PlatformAuditEvents($first: Int!, $after: String, $filter: PlatformAuditFilterInput) {
    platformAuditEvents(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          action
          actor {
            type
            id
            label
          }
          targetType
          targetId
          targetLabel
          ip
          changes
          reason
          createdAt
        }
      }
    }
  }
`;
