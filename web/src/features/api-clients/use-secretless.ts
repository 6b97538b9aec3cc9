import { useMutation, useQuery } from "@apollo/client/react";
import { attempt } from "../../lib/graphql-errors";
import { ADD_FEDERATED_CREDENTIAL, ADD_PUBLIC_KEY, CLIENT_FEDERATED_CREDENTIALS, CLIENT_PUBLIC_KEYS, FEDERATION_ISSUERS, REMOVE_FEDERATED_CREDENTIAL, REMOVE_PUBLIC_KEY } from "./secretless.graphql";
import type { FederatedCredentialDraft, PublicKeyInput } from "./secretless-rules";

/** The issuers the operator allows (CLAVIS_FEDERATION_ISSUERS); none when the server has none, or predates them. */
export function useFederationIssuers(): string[] {
  return useQuery(FEDERATION_ISSUERS, { fetchPolicy: "cache-first" }).data?.serverInfo.federationIssuers ?? [];
}

export function useClientPublicKeys(id: string) {
  return useQuery(CLIENT_PUBLIC_KEYS, { variables: { id } });
}

export function useClientFederatedCredentials(id: string) {
  return useQuery(CLIENT_FEDERATED_CREDENTIALS, { variables: { id } });
}

/** Key and credential changes are audited: the trail is refetched with them. */
const REFETCH = ["AuditEvents"];

export function useSecretlessMutations(id: string) {
  const [addKey, addKeyState] = useMutation(ADD_PUBLIC_KEY, { refetchQueries: REFETCH });
  const [removeKey, removeKeyState] = useMutation(REMOVE_PUBLIC_KEY, { refetchQueries: REFETCH });
  const [addCredential, addCredentialState] = useMutation(ADD_FEDERATED_CREDENTIAL, { refetchQueries: REFETCH });
  const [removeCredential, removeCredentialState] = useMutation(REMOVE_FEDERATED_CREDENTIAL, { refetchQueries: REFETCH });
  return {
    busy: addKeyState.loading || removeKeyState.loading || addCredentialState.loading || removeCredentialState.loading,
    addKey: (key: PublicKeyInput) => attempt(() => addKey({ variables: { id, key } })),
    removeKey: (keyId: string) => attempt(() => removeKey({ variables: { id, keyId } })),
    addCredential: (credential: FederatedCredentialDraft) => attempt(() => addCredential({ variables: { id, credential } })),
    removeCredential: (credentialId: string) => attempt(() => removeCredential({ variables: { id, credentialId } })),
  };
}
