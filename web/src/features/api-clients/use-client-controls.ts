import { useMutation, useQuery } from "@apollo/client/react";
import { attempt } from "../../lib/graphql-errors";
import { CLIENT_CONTROLS, REVOKE_API_CLIENT_TOKENS, SET_API_CLIENT_DISABLED, UPDATE_TOKEN_SETTINGS, type TokenSettingsVariables } from "./client-controls.graphql";

export function useClientControls(id: string) {
  return useQuery(CLIENT_CONTROLS, { variables: { id } });
}

/** Lists refetch too, so the "Disabled" badge and the audit trail stay true. */
const REFETCH = ["ApiClients", "AuditEvents"];

export function useClientControlMutations() {
  const [setDisabled, disabledState] = useMutation(SET_API_CLIENT_DISABLED, { refetchQueries: REFETCH });
  const [revoke, revokeState] = useMutation(REVOKE_API_CLIENT_TOKENS, { refetchQueries: REFETCH });
  const [update, updateState] = useMutation(UPDATE_TOKEN_SETTINGS, { refetchQueries: REFETCH });
  return {
    busy: disabledState.loading || revokeState.loading || updateState.loading,
    setDisabled: (id: string, disabled: boolean) => attempt(() => setDisabled({ variables: { id, disabled } })),
    revokeTokens: (id: string) => attempt(() => revoke({ variables: { id } })),
    updateTokenSettings: (variables: TokenSettingsVariables) => attempt(() => update({ variables })),
  };
}
