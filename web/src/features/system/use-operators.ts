import { useMutation, useQuery } from "@apollo/client/react";
import { attempt } from "../../lib/graphql-errors";
import { INVITE_OPERATOR, OPERATOR_INVITATIONS, OPERATORS, REMOVE_OPERATOR, WITHDRAW_OPERATOR_INVITATION } from "./operators.graphql";

export function useOperators() {
  return useQuery(OPERATORS, { fetchPolicy: "cache-and-network" });
}

export function useOperatorInvitations() {
  return useQuery(OPERATOR_INVITATIONS, { fetchPolicy: "cache-and-network" });
}

const REFETCH = ["Operators", "OperatorInvitations", "PlatformAuditEvents"];

export function useOperatorMutations() {
  const [invite, inviteState] = useMutation(INVITE_OPERATOR, { refetchQueries: REFETCH });
  const [withdraw, withdrawState] = useMutation(WITHDRAW_OPERATOR_INVITATION, { refetchQueries: REFETCH });
  const [remove, removeState] = useMutation(REMOVE_OPERATOR, { refetchQueries: REFETCH });
  return {
    inviting: inviteState.loading,
    withdrawing: withdrawState.loading,
    removing: removeState.loading,
    invite: (email: string) => attempt(() => invite({ variables: { email } })),
    withdraw: (id: string) => attempt(() => withdraw({ variables: { id } })),
    remove: (userId: string) => attempt(() => remove({ variables: { userId } })),
  };
}
