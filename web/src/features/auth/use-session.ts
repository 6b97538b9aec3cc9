import { useApolloClient, useMutation, useQuery } from "@apollo/client/react";
import { attempt } from "../../lib/graphql-errors";
import { LOGIN, LOGOUT, MY_ORGANIZATIONS, SESSION, SETUP, type SetupVariables } from "./auth.graphql";

export function useSession() {
  return useQuery(SESSION, { fetchPolicy: "network-only" });
}

export function useMyOrganizations(skip: boolean) {
  return useQuery(MY_ORGANIZATIONS, { skip });
}

/** Sign-in, sign-out and setup reset the cache: nothing of the previous user may linger. */
export function useAuthActions() {
  const client = useApolloClient();
  const [login, loginState] = useMutation(LOGIN);
  const [logout] = useMutation(LOGOUT);
  const [setup, setupState] = useMutation(SETUP);
  return {
    busy: loginState.loading || setupState.loading,
    login: async (email: string, password: string) => {
      const result = await attempt(() => login({ variables: { email, password } }));
      if ("data" in result) await client.resetStore();
      return result;
    },
    setup: async (input: SetupVariables["input"]) => {
      const result = await attempt(() => setup({ variables: { input } }));
      if ("data" in result) await client.resetStore();
      return result;
    },
    logout: async () => {
      await attempt(() => logout());
      await client.clearStore();
    },
  };
}
