import { useQuery } from "@apollo/client/react";
import { AUDIT_CATALOG, AUDIT_EVENTS, CLIENT_CHOICES, type AuditVariables } from "./audit.graphql";

export function useAuditEvents(variables: AuditVariables) {
  return useQuery(AUDIT_EVENTS, { variables, fetchPolicy: "network-only" });
}

export function useClientChoices(organizationId: string, skip: boolean) {
  return useQuery(CLIENT_CHOICES, { variables: { organizationId }, skip });
}

/** Scope and permission labels for the details; the trail shows raw names until it arrives. */
export function useAuditCatalog() {
  return useQuery(AUDIT_CATALOG);
}
