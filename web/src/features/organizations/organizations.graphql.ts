import { gql, type TypedDocumentNode } from "@apollo/client";

export interface OrganizationDetails {
  id: string;
  name: string;
  slug: string;
  apiClientsEnabled: boolean;
  apiClientCount: number;
  myRole: "OWNER" | "VIEWER" | null;
  limits: { maxApiClients: number; maxTokensPerClient: number; accessTokenTtlSeconds: number };
}

export interface ServerInfo {
  issuer: string;
  tokenEndpoint: string;
  tenantHeader: string;
  version: string;
}

export const ORGANIZATION: TypedDocumentNode<{ organization: OrganizationDetails; serverInfo: ServerInfo }, { id: string }> = gql`
  query Organization($id: ID!) {
    organization(id: $id) {
      id
      name
      slug
      apiClientsEnabled
      apiClientCount
      myRole
      limits {
        maxApiClients
        maxTokensPerClient
        accessTokenTtlSeconds
      }
    }
    serverInfo {
      issuer
      tokenEndpoint
      tenantHeader
      version
    }
  }
`;
