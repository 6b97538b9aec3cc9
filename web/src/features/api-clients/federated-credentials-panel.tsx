import { ErrorBanner, Loading } from "../../components/ui/error-banner";
import { useToast } from "../../components/ui/toast";
import { formatDate } from "../../lib/format";
import { toAppError } from "../../lib/graphql-errors";
import { useI18n } from "../../lib/i18n";
import { AddFederatedCredentialDialog } from "./add-federated-credential-dialog";
import { RemovableListPanel } from "./removable-list-panel";
import { useClientFederatedCredentials, useSecretlessMutations } from "./use-secretless";

/** Issue 17: at most 20 federated credentials per client. */
export const MAX_FEDERATED_CREDENTIALS = 20;

/** A federated client's trusted issuer/audience/subject triples: a table, cards on a phone. Owners add and remove. */
export function FederatedCredentialsPanel({ clientId, canEdit }: { clientId: string; canEdit: boolean }) {
  const { t, language } = useI18n();
  const toast = useToast();
  const { data, loading, error } = useClientFederatedCredentials(clientId);
  const { removeCredential, busy } = useSecretlessMutations(clientId);
  if (loading && data === undefined) return <Loading label={t("common.loading")} />;
  if (data === undefined) return <ErrorBanner message={error === undefined ? null : toAppError(error).message} />;
  const cell = (label: string) => ({ role: "cell", "data-label": label });
  return (
    <RemovableListPanel
      id="credentials"
      items={data.apiClient.federatedCredentials}
      max={MAX_FEDERATED_CREDENTIALS}
      canEdit={canEdit}
      texts={{
        title: t("clientAuth.credentials"),
        add: t("clientAuth.addCredential"),
        full: t("clientAuth.credentialsMax", { max: MAX_FEDERATED_CREDENTIALS }),
        last: t("clientAuth.lastCredential"),
        removeTitle: (name) => t("clientAuth.removeCredentialTitle", { name }),
        removeBody: t("clientAuth.removeCredentialBody"),
      }}
      headers={[t("clientAuth.credentialName"), t("clientAuth.issuer"), t("clientAuth.audience"), t("clientAuth.subject"), t("clients.created")]}
      nameOf={(credential) => credential.name}
      cells={(credential) => (
        <>
          <td role="cell" className="card-title">{credential.name}</td>
          <td {...cell(t("clientAuth.issuer"))} className="mono">{credential.issuer}</td>
          <td {...cell(t("clientAuth.audience"))} className="mono">{credential.audience}</td>
          <td {...cell(t("clientAuth.subject"))} className="mono">{credential.subject}</td>
          <td {...cell(t("clients.created"))}>{formatDate(credential.createdAt, language)}</td>
        </>
      )}
      remove={(credential) => removeCredential(credential.id)}
      removing={busy}
      onRemoved={(credential) => toast(t("clientAuth.credentialRemoved", { name: credential.name }))}
      addDialog={(close) => <AddFederatedCredentialDialog clientId={clientId} onClose={close} onAdded={() => { close(); toast(t("clientAuth.credentialAdded")); }} />}
    />
  );
}
