import { gql, type TypedDocumentNode } from "@apollo/client";

export interface Operator {
  id: string;
  email: string;
  name: string;
  createdAt: string;
  isMe: boolean;
}

export interface OperatorInvitation {
  id: string;
  email: string;
  createdAt: string;
  expiresAt: string;
  isExpired: boolean;
  invitedBy: string;
}

const INVITATION_FIELDS = gql`
  fragment OperatorInvitationFields on Invitation {
    id
    email
    createdAt
    expiresAt
    isExpired
    invitedBy
  }
`;

export const OPERATORS: TypedDocumentNode<{ operators: Operator[] }> = gql`
  query Operators {
    operators {
      id
      email
      name
      createdAt
      isMe
    }
  }
`;

export const OPERATOR_INVITATIONS: TypedDocumentNode<{ operatorInvitations: OperatorInvitation[] }> = gql`
  query OperatorInvitations {
    operatorInvitations {
      ...OperatorInvitationFields
    }
  }
  ${INVITATION_FIELDS}
`;

export const INVITE_OPERATOR: TypedDocumentNode<{ inviteOperator: { invitation: OperatorInvitation; invitationUrl: string | null } }, { email: string }> = gql`
  mutation InviteOperator($email: String!) {
    inviteOperator(email: $email) {
      invitation {
        ...OperatorInvitationFields
      }
      invitationUrl
    }
  }
  ${INVITATION_FIELDS}
`;

export const WITHDRAW_OPERATOR_INVITATION: TypedDocumentNode<{ withdrawOperatorInvitation: string }, { id: string }> = gql`
  mutation WithdrawOperatorInvitation($id: ID!) {
    withdrawOperatorInvitation(id: $id)
  }
`;

export const REMOVE_OPERATOR: TypedDocumentNode<{ removeOperator: string }, { userId: string }> = gql`
  mutation RemoveOperator($userId: ID!) {
    removeOperator(userId: $userId)
  }
`;
