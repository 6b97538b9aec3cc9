import { gql, type TypedDocumentNode } from "@apollo/client";

export interface SessionOrganization {
  id: string;
  name: string;
  myRole: "OWNER" | "VIEWER" | null;
}

export interface SessionData {
  setupRequired: boolean;
  me: { id: string; email: string; name: string } | null;
}

export const SESSION: TypedDocumentNode<SessionData> = gql`
  query Session {
    setupRequired
    me {
      id
      email
      name
    }
  }
`;

export const MY_ORGANIZATIONS: TypedDocumentNode<{ myOrganizations: SessionOrganization[] }> = gql`
  query MyOrganizations {
    myOrganizations {
      id
      name
      myRole
    }
  }
`;

export const LOGIN: TypedDocumentNode<{ login: { id: string } }, { email: string; password: string }> = gql`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      id
    }
  }
`;

export const LOGOUT: TypedDocumentNode<{ logout: boolean }> = gql`
  mutation Logout {
    logout
  }
`;

export interface SetupVariables {
  input: { organizationName: string; name: string; email: string; password: string };
}

export const SETUP: TypedDocumentNode<{ setup: { organization: { id: string } } }, SetupVariables> = gql`
  mutation Setup($input: SetupInput!) {
    setup(input: $input) {
      organization {
        id
      }
    }
  }
`;
