import { useMutation, useQuery } from "@apollo/client/react";
import { attempt } from "../../lib/graphql-errors";
import { CREATE_SYSTEM_CLIENT, SET_SYSTEM_CLIENT_PERMISSIONS, SYSTEM_CLIENTS, type CreateSystemClientInput } from "./system-clients.graphql";

export function useSystemClients() {
  return useQuery(SYSTEM_CLIENTS, { fetchPolicy: "cache-and-network" });
}

const REFETCH = ["SystemClients", "PlatformAuditEvents", "ApiClient"];

export function useSystemClientMutations() {
  const [create, createState] = useMutation(CREATE_SYSTEM_CLIENT, { refetchQueries: REFETCH });
  const [setPermissions, setState] = useMutation(SET_SYSTEM_CLIENT_PERMISSIONS, { refetchQueries: REFETCH });
  return {
    busy: createState.loading || setState.loading,
    create: (input: CreateSystemClientInput) => attempt(() => create({ variables: { input } })),
    setPermissions: (id: string, permissions: string[]) => attempt(() => setPermissions({ variables: { id, permissions } })),
  };
}
