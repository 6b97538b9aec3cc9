import { useI18n } from "../../lib/i18n";
import { METHOD_LABELS } from "./auth-method-field";
import { FederatedCredentialsPanel } from "./federated-credentials-panel";
import { HowItAuthenticates } from "./how-it-authenticates";
import { PublicKeysPanel } from "./public-keys-panel";
import type { ClientAuthMethod } from "./secretless-rules";

/** The detail page's "Authentication" card: the method, fixed at creation, and its keys or credentials. */
export function ClientAuthenticationSection({ client, canEdit }: { client: { id: string; authMethod: ClientAuthMethod }; canEdit: boolean }) {
  const { t } = useI18n();
  return (
    <section className="card" aria-labelledby="client-auth-title">
      <h2 id="client-auth-title">{t("clientAuth.title")}</h2>
      <p>
        <strong>{t(METHOD_LABELS[client.authMethod])}</strong>
      </p>
      <HowItAuthenticates method={client.authMethod} />
      {client.authMethod === "PRIVATE_KEY_JWT" && <PublicKeysPanel clientId={client.id} canEdit={canEdit} />}
      {client.authMethod === "FEDERATED" && <FederatedCredentialsPanel clientId={client.id} canEdit={canEdit} />}
    </section>
  );
}
