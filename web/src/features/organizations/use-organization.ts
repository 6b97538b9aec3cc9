import { useQuery } from "@apollo/client/react";
import { ORGANIZATION } from "./organizations.graphql";

export function useOrganization(id: string) {
  return useQuery(ORGANIZATION, { variables: { id } });
}
