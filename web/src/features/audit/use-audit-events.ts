import { useQuery } from "@apollo/client/react";
import { AUDIT_EVENTS, CLIENT_CHOICES, type AuditVariables } from "./audit.graphql";

export function useAuditEvents(variables: AuditVariables) {
  return useQuery(AUDIT_EVENTS, { variables, fetchPolicy: "network-only" });
}

export function useClientChoices(organizationId: string, skip: boolean) {
  return useQuery(CLIENT_CHOICES, { variables: { organizationId }, skip });
}
