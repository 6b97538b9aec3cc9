import { gql, type TypedDocumentNode } from "@apollo/client";

export interface PlatformOrganization {
  id: string;
  name: string;
  slug: string;
  apiClientsEnabled: boolean;
  apiClientCount: number;
  createdAt: string;
  limits: { maxApiClients: number; maxTokensPerClient: number; accessTokenTtlSeconds: number };
}

const FIELDS = gql`
  fragment PlatformOrganizationFields on Organization {
    id
    name
    slug
    apiClientsEnabled
    apiClientCount
    createdAt
    limits {
      maxApiClients
      maxTokensPerClient
      accessTokenTtlSeconds
    }
  }
`;

export interface PlatformOrganizationsVariables {
  search: string | null;
  first: number;
  after: string | null;
}

export interface PlatformOrganizationsData {
  platformOrganizations: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { cursor: string; node: PlatformOrganization }[] };
}

export const PLATFORM_ORGANIZATIONS: TypedDocumentNode<PlatformOrganizationsData, PlatformOrganizationsVariables> = gql`
  query PlatformOrganizations($search: String, $first: Int!, $after: String) {
    platformOrganizations(search: $search, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          ...PlatformOrganizationFields
        }
      }
    }
  }
  ${FIELDS}
`;

export const PLATFORM_ORGANIZATION: TypedDocumentNode<{ organization: PlatformOrganization }, { id: string }> = gql`
  query PlatformOrganization($id: ID!) {
    organization(id: $id) {
      ...PlatformOrganizationFields
    }
  }
  ${FIELDS}
`;

/** The fields an operator sets; create and update take the same shape. */
export interface OrganizationSettings {
  name: string;
  apiClientsEnabled: boolean;
  maxApiClients: number;
  maxTokensPerClient: number;
  accessTokenTtlSeconds: number;
}

export const CREATE_ORGANIZATION: TypedDocumentNode<{ createOrganization: PlatformOrganization }, { input: OrganizationSettings }> = gql`
  mutation CreateOrganization($input: CreateOrganizationInput!) {
    createOrganization(input: $input) {
      ...PlatformOrganizationFields
    }
  }
  ${FIELDS}
`;

export const UPDATE_ORGANIZATION: TypedDocumentNode<{ updateOrganization: PlatformOrganization }, { id: string; input: OrganizationSettings }> = gql`
  mutation UpdateOrganization($id: ID!, $input: UpdateOrganizationInput!) {
    updateOrganization(id: $id, input: $input) {
      ...PlatformOrganizationFields
    }
  }
  ${FIELDS}
`;
