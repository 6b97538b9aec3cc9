import { useMutation } from "@apollo/client/react";
import { attempt } from "../../lib/graphql-errors";
import { CHANGE_PASSWORD, SIGN_OUT_OTHER_SESSIONS } from "./account.graphql";

/** The signed-in user's own password and sessions; both are audited, so the trail refetches. */
export function useAccountActions() {
  const refetchQueries = ["AuditEvents"];
  const [changePassword, changeState] = useMutation(CHANGE_PASSWORD, { refetchQueries });
  const [signOutOthers, signOutState] = useMutation(SIGN_OUT_OTHER_SESSIONS, { refetchQueries });
  return {
    changing: changeState.loading,
    signingOut: signOutState.loading,
    changePassword: (currentPassword: string, newPassword: string) => attempt(() => changePassword({ variables: { currentPassword, newPassword } })),
    signOutOtherSessions: () => attempt(() => signOutOthers()),
  };
}
