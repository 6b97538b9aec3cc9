import { useApolloClient, useMutation, useQuery } from "@apollo/client/react";
import { attempt } from "../../lib/graphql-errors";
import { ACCEPT_INVITATION, INVITATION_PREVIEW, INVITATIONS, INVITE_MEMBER, WITHDRAW_INVITATION, type AcceptInvitationVariables, type InviteMemberInput } from "./invitations.graphql";

export function useInvitations(organizationId: string) {
  return useQuery(INVITATIONS, { variables: { organizationId } });
}

export function useInvitationMutations(organizationId: string) {
  const refetchQueries = ["Invitations", "AuditEvents"];
  const [invite, inviteState] = useMutation(INVITE_MEMBER, { refetchQueries });
  const [withdraw, withdrawState] = useMutation(WITHDRAW_INVITATION, { refetchQueries });
  return {
    inviting: inviteState.loading,
    withdrawing: withdrawState.loading,
    invite: (input: Omit<InviteMemberInput, "organizationId">) => attempt(() => invite({ variables: { input: { ...input, organizationId } } })),
    withdraw: (id: string) => attempt(() => withdraw({ variables: { id } })),
  };
}

export function useInvitationPreview(token: string) {
  return useQuery(INVITATION_PREVIEW, { variables: { token }, fetchPolicy: "network-only" });
}

export function useAcceptInvitation() {
  const client = useApolloClient();
  const [accept, state] = useMutation(ACCEPT_INVITATION);
  return {
    busy: state.loading,
    accept: (variables: AcceptInvitationVariables) => attempt(() => accept({ variables })),
    /**
     * After accepting: a new account may be signed in, and the user has a new organization. Not
     * resetStore: that would also refetch this now used-up invitation, and fail on it.
     */
    reloadSession: async () => {
      await client.clearStore();
      await client.refetchQueries({ include: ["Session", "MyOrganizations"] });
    },
  };
}
