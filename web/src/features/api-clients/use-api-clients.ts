import { useMutation, useQuery } from "@apollo/client/react";
import { attempt } from "../../lib/graphql-errors";
import {
  API_CLIENT,
  API_CLIENTS,
  CLIENTS_ORGANIZATION,
  CREATE_API_CLIENT,
  DELETE_API_CLIENT,
  PERMISSION_CATALOG,
  RESET_API_CLIENT_SECRET,
  UPDATE_API_CLIENT,
  type ApiClientListVariables,
  type CreateApiClientInput,
  type UpdateApiClientVariables,
} from "./api-clients.graphql";

export function useApiClientList(variables: ApiClientListVariables) {
  return useQuery(API_CLIENTS, { variables });
}

export function useApiClient(id: string) {
  return useQuery(API_CLIENT, { variables: { id } });
}

export function useClientsOrganization(id: string) {
  return useQuery(CLIENTS_ORGANIZATION, { variables: { id } });
}

export function usePermissionCatalog() {
  return useQuery(PERMISSION_CATALOG, { fetchPolicy: "cache-first" });
}

/** Every change refetches lists and the organization, so counts and the audit trail stay true. */
const REFETCH = ["ApiClients", "ApiClientsOrganization", "Organization", "AuditEvents"];

export function useApiClientMutations() {
  const [create, createState] = useMutation(CREATE_API_CLIENT, { refetchQueries: REFETCH });
  const [reset, resetState] = useMutation(RESET_API_CLIENT_SECRET, { refetchQueries: REFETCH });
  const [update, updateState] = useMutation(UPDATE_API_CLIENT, { refetchQueries: REFETCH });
  const [remove, removeState] = useMutation(DELETE_API_CLIENT, { refetchQueries: REFETCH });
  return {
    busy: createState.loading || resetState.loading || updateState.loading || removeState.loading,
    create: (input: CreateApiClientInput) => attempt(() => create({ variables: { input } })),
    resetSecret: (id: string, gracePeriodSeconds: number) => attempt(() => reset({ variables: { id, gracePeriodSeconds } })),
    update: (variables: UpdateApiClientVariables) => attempt(() => update({ variables })),
    remove: (id: string) => attempt(() => remove({ variables: { id } })),
  };
}
