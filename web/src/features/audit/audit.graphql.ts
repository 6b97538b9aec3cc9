import { gql, type TypedDocumentNode } from "@apollo/client";

export interface AuditEvent {
  id: string;
  action: string;
  actor: { type: string; id: string | null; label: string };
  targetType: string;
  targetId: string | null;
  targetLabel: string | null;
  ip: string | null;
  changes: Record<string, unknown>;
  /** token.refused: CLIENT_EXPIRED or IP_NOT_ALLOWED. */
  reason: string | null;
  createdAt: string;
}

export interface AuditCatalogApi {
  name: string;
  title: { en: string; sv: string };
  actions: { permission: string; title: { en: string; sv: string } }[];
}

export interface AuditVariables {
  organizationId: string;
  first: number;
  after: string | null;
  filter: { apiClientId: string } | null;
}

export const AUDIT_EVENTS: TypedDocumentNode<
  { auditEvents: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: AuditEvent }[] } },
  AuditVariables
> = gql`
  query AuditEvents($organizationId: ID!, $first: Int!, $after: String, $filter: AuditEventFilterInput) {
    auditEvents(organizationId: $organizationId, first: $first, after: $after, filter: $filter) {
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

export const CLIENT_CHOICES: TypedDocumentNode<{ apiClients: { edges: { node: { id: string; name: string } }[] } }, { organizationId: string }> = gql`
  query AuditClientChoices($organizationId: ID!) {
    apiClients(organizationId: $organizationId, first: 100, orderBy: NAME_ASC) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`;

export const AUDIT_CATALOG: TypedDocumentNode<{ permissionCatalog: { apis: AuditCatalogApi[] } }> = gql`
  query AuditCatalog {
    permissionCatalog {
      apis {
        name
        title {
          en
          sv
        }
        actions {
          permission
          title {
            en
            sv
          }
        }
      }
    }
  }
`;
