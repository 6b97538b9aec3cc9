import { ApolloClient, HttpLink, InMemoryCache } from "@apollo/client";

export function createApolloClient(): ApolloClient {
  return new ApolloClient({
    link: new HttpLink({ uri: "/graphql", credentials: "same-origin" }),
    cache: new InMemoryCache({ typePolicies: { ApiClient: { keyFields: ["id"] }, Organization: { keyFields: ["id"] } } }),
    defaultOptions: { watchQuery: { fetchPolicy: "cache-and-network" } },
  });
}
