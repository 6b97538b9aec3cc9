import { useMutation, useQuery } from "@apollo/client/react";
import { attempt } from "../../lib/graphql-errors";
import { IS_OPERATOR, PLATFORM_AUDIT_EVENTS, ROTATE_SIGNING_KEY, SIGNING_KEYS, type PlatformAuditVariables } from "./platform.graphql";

/** False until known, and for anyone the server does not call an operator. */
export function useIsOperator(skip: boolean) {
  const { data, loading } = useQuery(IS_OPERATOR, { skip, fetchPolicy: "network-only" });
  return { isOperator: data?.me?.isOperator === true, loading: !skip && loading && data === undefined };
}

export function useSigningKeys() {
  return useQuery(SIGNING_KEYS, { fetchPolicy: "network-only" });
}

export function useRotateSigningKey() {
  const [rotate, state] = useMutation(ROTATE_SIGNING_KEY, { refetchQueries: ["SigningKeys", "PlatformAuditEvents"] });
  return { busy: state.loading, rotate: () => attempt(() => rotate()) };
}

export function usePlatformAuditEvents(variables: PlatformAuditVariables) {
  return useQuery(PLATFORM_AUDIT_EVENTS, { variables, fetchPolicy: "network-only" });
}
