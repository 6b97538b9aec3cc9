import { gql, type TypedDocumentNode } from "@apollo/client";

export type MemberRole = "OWNER" | "VIEWER";

export interface Member {
  userId: string;
  email: string;
  name: string;
  role: MemberRole;
  createdAt: string;
}

export const MEMBERS: TypedDocumentNode<{ members: Member[] }, { organizationId: string }> = gql`
  query Members($organizationId: ID!) {
    members(organizationId: $organizationId) {
      userId
      email
      name
      role
      createdAt
    }
  }
`;

export const UPDATE_MEMBER_ROLE: TypedDocumentNode<{ updateMemberRole: { role: MemberRole } }, { organizationId: string; userId: string; role: MemberRole }> = gql`
  mutation UpdateMemberRole($organizationId: ID!, $userId: ID!, $role: MemberRole!) {
    updateMemberRole(organizationId: $organizationId, userId: $userId, role: $role) {
      role
    }
  }
`;

export const REMOVE_MEMBER: TypedDocumentNode<{ removeMember: string }, { organizationId: string; userId: string }> = gql`
  mutation RemoveMember($organizationId: ID!, $userId: ID!) {
    removeMember(organizationId: $organizationId, userId: $userId)
  }
`;
