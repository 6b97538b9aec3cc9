import { ApolloProvider } from "@apollo/client/react";
import type { ReactNode } from "react";
import { ToastProvider } from "../components/ui/toast";
import { createApolloClient } from "../lib/apollo";
import { I18nProvider } from "../lib/i18n";
import { RouterProvider } from "../lib/router";

const client = createApolloClient();

export function Providers({ children }: { children: ReactNode }) {
  return (
    <ApolloProvider client={client}>
      <I18nProvider>
        <RouterProvider>
          <ToastProvider>{children}</ToastProvider>
        </RouterProvider>
      </I18nProvider>
    </ApolloProvider>
  );
}
