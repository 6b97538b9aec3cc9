import { useMutation, useQuery } from "@apollo/client/react";
import { attempt } from "../../lib/graphql-errors";
import { MEMBERS, REMOVE_MEMBER, UPDATE_MEMBER_ROLE, type MemberRole } from "./members.graphql";

export function useMembers(organizationId: string) {
  return useQuery(MEMBERS, { variables: { organizationId } });
}

export function useMemberMutations(organizationId: string) {
  const refetchQueries = ["Members", "AuditEvents"];
  const [updateRole] = useMutation(UPDATE_MEMBER_ROLE, { refetchQueries });
  const [remove, removeState] = useMutation(REMOVE_MEMBER, { refetchQueries });
  return {
    removing: removeState.loading,
    updateRole: (userId: string, role: MemberRole) => attempt(() => updateRole({ variables: { organizationId, userId, role } })),
    remove: (userId: string) => attempt(() => remove({ variables: { organizationId, userId } })),
  };
}
