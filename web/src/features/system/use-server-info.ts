import { useQuery } from "@apollo/client/react";
import { SERVER_INFO } from "./server-info.graphql";

export function useServerInfo() {
  return useQuery(SERVER_INFO);
}
