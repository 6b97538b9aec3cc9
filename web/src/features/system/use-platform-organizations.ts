import { useMutation, useQuery } from "@apollo/client/react";
import { attempt } from "../../lib/graphql-errors";
import { CREATE_ORGANIZATION, PLATFORM_ORGANIZATION, PLATFORM_ORGANIZATIONS, UPDATE_ORGANIZATION, type OrganizationSettings, type PlatformOrganizationsVariables } from "./platform-organizations.graphql";

export function usePlatformOrganizations(variables: PlatformOrganizationsVariables) {
  return useQuery(PLATFORM_ORGANIZATIONS, { variables, fetchPolicy: "cache-and-network" });
}

export function usePlatformOrganization(id: string) {
  return useQuery(PLATFORM_ORGANIZATION, { variables: { id } });
}

/** Changes refetch the lists and the organization screens an owner or operator may have open. */
const REFETCH = ["PlatformOrganizations", "PlatformAuditEvents", "Organization", "ApiClientsOrganization"];

export function useOrganizationMutations() {
  const [create, createState] = useMutation(CREATE_ORGANIZATION, { refetchQueries: REFETCH });
  const [update, updateState] = useMutation(UPDATE_ORGANIZATION, { refetchQueries: REFETCH });
  return {
    busy: createState.loading || updateState.loading,
    create: (input: OrganizationSettings) => attempt(() => create({ variables: { input } })),
    update: (id: string, input: OrganizationSettings) => attempt(() => update({ variables: { id, input } })),
  };
}
