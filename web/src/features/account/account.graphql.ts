import { gql, type TypedDocumentNode } from "@apollo/client";

export const CHANGE_PASSWORD: TypedDocumentNode<{ changePassword: boolean }, { currentPassword: string; newPassword: string }> = gql`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
  }
`;

export const SIGN_OUT_OTHER_SESSIONS: TypedDocumentNode<{ signOutOtherSessions: number }> = gql`
  mutation SignOutOtherSessions {
    signOutOtherSessions
  }
`;
