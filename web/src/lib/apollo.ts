import { ApolloClient, HttpLink, InMemoryCache } from "@apollo/client";
import { currentLanguage } from "./i18n";

export function createApolloClient(): ApolloClient {
  return new ApolloClient({
    // The app's language, not the browser's, sorts lists by name (apiClients' Accept-Language).
    link: new HttpLink({ uri: "/graphql", credentials: "same-origin", fetch: (input, init) => fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), "accept-language": currentLanguage() } }) }),
    cache: new InMemoryCache({ typePolicies: { ApiClient: { keyFields: ["id"] }, Organization: { keyFields: ["id"] } } }),
    defaultOptions: { watchQuery: { fetchPolicy: "cache-and-network" } },
  });
}
