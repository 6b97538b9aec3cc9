import { useMutation, useQuery } from "@apollo/client/react";
import { attempt } from "../../lib/graphql-errors";
import { ADD_MEMBER, MEMBERS, REMOVE_MEMBER, UPDATE_MEMBER_ROLE, type AddMemberInput, type MemberRole } from "./members.graphql";

export function useMembers(organizationId: string) {
  return useQuery(MEMBERS, { variables: { organizationId } });
}

export function useMemberMutations(organizationId: string) {
  const refetchQueries = ["Members", "AuditEvents"];
  const [add, addState] = useMutation(ADD_MEMBER, { refetchQueries });
  const [updateRole] = useMutation(UPDATE_MEMBER_ROLE, { refetchQueries });
  const [remove] = useMutation(REMOVE_MEMBER, { refetchQueries });
  return {
    busy: addState.loading,
    add: (input: Omit<AddMemberInput, "organizationId">) => attempt(() => add({ variables: { input: { ...input, organizationId } } })),
    updateRole: (userId: string, role: MemberRole) => attempt(() => updateRole({ variables: { organizationId, userId, role } })),
    remove: (userId: string) => attempt(() => remove({ variables: { organizationId, userId } })),
  };
}
