import { gql, type TypedDocumentNode } from "@apollo/client";
import type { MemberRole } from "./members.graphql";

export interface Invitation {
  id: string;
  email: string;
  role: MemberRole;
  createdAt: string;
  expiresAt: string;
  isExpired: boolean;
  invitedBy: string;
}

const INVITATION_FIELDS = gql`
  fragment InvitationFields on Invitation {
    id
    email
    role
    createdAt
    expiresAt
    isExpired
    invitedBy
  }
`;

export const INVITATIONS: TypedDocumentNode<{ invitations: Invitation[] }, { organizationId: string }> = gql`
  query Invitations($organizationId: ID!) {
    invitations(organizationId: $organizationId) {
      ...InvitationFields
    }
  }
  ${INVITATION_FIELDS}
`;

export interface InviteMemberInput {
  organizationId: string;
  email: string;
  role: MemberRole;
}

export const INVITE_MEMBER: TypedDocumentNode<{ inviteMember: { invitation: Invitation; invitationUrl: string | null } }, { input: InviteMemberInput }> = gql`
  mutation InviteMember($input: InviteMemberInput!) {
    inviteMember(input: $input) {
      invitation {
        ...InvitationFields
      }
      invitationUrl
    }
  }
  ${INVITATION_FIELDS}
`;

export const WITHDRAW_INVITATION: TypedDocumentNode<{ withdrawInvitation: string }, { id: string }> = gql`
  mutation WithdrawInvitation($id: ID!) {
    withdrawInvitation(id: $id)
  }
`;

export interface InvitationPreview {
  /** An invitation to become a platform operator: of no organization, its role meaningless. */
  forOperator: boolean;
  organizationName: string;
  email: string;
  role: MemberRole;
  expiresAt: string;
}

export const INVITATION_PREVIEW: TypedDocumentNode<{ invitation: InvitationPreview }, { token: string }> = gql`
  query InvitationPreview($token: String!) {
    invitation(token: $token) {
      forOperator
      organizationName
      email
      role
      expiresAt
    }
  }
`;

export interface AcceptInvitationVariables {
  token: string;
  name?: string | null;
  password?: string | null;
}

export const ACCEPT_INVITATION: TypedDocumentNode<{ acceptInvitation: { organization: { id: string } | null } }, AcceptInvitationVariables> = gql`
  mutation AcceptInvitation($token: String!, $name: String, $password: String) {
    acceptInvitation(token: $token, name: $name, password: $password) {
      organization {
        id
      }
    }
  }
`;
