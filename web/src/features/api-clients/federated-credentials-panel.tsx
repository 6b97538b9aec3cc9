import { useState } from "react";
import { ConfirmDialog } from "../../components/ui/confirm-dialog";
import { ErrorBanner, Loading } from "../../components/ui/error-banner";
import { useToast } from "../../components/ui/toast";
import { formatDate } from "../../lib/format";
import { toAppError } from "../../lib/graphql-errors";
import { useI18n } from "../../lib/i18n";
import { AddFederatedCredentialDialog } from "./add-federated-credential-dialog";
import type { FederatedCredential } from "./secretless.graphql";
import { useClientFederatedCredentials, useSecretlessMutations } from "./use-secretless";

/** Issue 17: at most 20 federated credentials per client. */
export const MAX_FEDERATED_CREDENTIALS = 20;

/** A federated client's trusted issuer/audience/subject triples: a table, cards on a phone. Owners add and remove. */
export function FederatedCredentialsPanel({ clientId, canEdit }: { clientId: string; canEdit: boolean }) {
  const { t, language } = useI18n();
  const toast = useToast();
  const { data, loading, error } = useClientFederatedCredentials(clientId);
  const { removeCredential, busy } = useSecretlessMutations(clientId);
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<FederatedCredential | null>(null);
  const [removeError, setRemoveError] = useState<string | null>(null);
  if (loading && data === undefined) return <Loading label={t("common.loading")} />;
  if (data === undefined) return <ErrorBanner message={error === undefined ? null : toAppError(error).message} />;
  const credentials = data.apiClient.federatedCredentials;
  const isLast = credentials.length <= 1;
  const atMax = credentials.length >= MAX_FEDERATED_CREDENTIALS;
  const cell = (label: string) => ({ role: "cell", "data-label": label });
  const confirmRemove = async () => {
    if (removing === null) return;
    const result = await removeCredential(removing.id);
    if ("error" in result) return setRemoveError(result.error.message);
    setRemoving(null);
    toast(t("clientAuth.credentialRemoved", { name: removing.name }));
  };
  return (
    <div className="secretless-panel">
      <div className="panel-head">
        <h3 id="credentials-title">{t("clientAuth.credentials")}</h3>
        {canEdit && (
          <button type="button" className="button" onClick={() => setAdding(true)} disabled={atMax} aria-describedby={atMax ? "credentials-max-reason" : undefined}>
            {t("clientAuth.addCredential")}
          </button>
        )}
      </div>
      {canEdit && atMax && <p className="hint" id="credentials-max-reason">{t("clientAuth.credentialsMax", { max: MAX_FEDERATED_CREDENTIALS })}</p>}
      <div className="table-scroll">
        <table className="data-table card-table credentials-table" role="table" aria-labelledby="credentials-title">
          <thead role="rowgroup">
            <tr role="row">
              <th scope="col" role="columnheader">{t("clientAuth.credentialName")}</th>
              <th scope="col" role="columnheader">{t("clientAuth.issuer")}</th>
              <th scope="col" role="columnheader">{t("clientAuth.audience")}</th>
              <th scope="col" role="columnheader">{t("clientAuth.subject")}</th>
              <th scope="col" role="columnheader">{t("clients.created")}</th>
              {canEdit && <th scope="col" role="columnheader">{t("clients.actions")}</th>}
            </tr>
          </thead>
          <tbody role="rowgroup">
            {credentials.map((credential) => (
              <tr role="row" key={credential.id}>
                <td role="cell" className="card-title">{credential.name}</td>
                <td {...cell(t("clientAuth.issuer"))} className="mono">{credential.issuer}</td>
                <td {...cell(t("clientAuth.audience"))} className="mono">{credential.audience}</td>
                <td {...cell(t("clientAuth.subject"))} className="mono">{credential.subject}</td>
                <td {...cell(t("clients.created"))}>{formatDate(credential.createdAt, language)}</td>
                {canEdit && (
                  <td {...cell(t("clients.actions"))}>
                    <button type="button" className="button button-small button-danger" disabled={isLast} aria-describedby={isLast ? "credentials-last-reason" : undefined} onClick={() => { setRemoveError(null); setRemoving(credential); }} aria-label={`${t("common.remove")}: ${credential.name}`}>
                      {t("common.remove")}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {canEdit && isLast && <p className="hint" id="credentials-last-reason">{t("clientAuth.lastCredential")}</p>}
      {adding && <AddFederatedCredentialDialog clientId={clientId} onClose={() => setAdding(false)} onAdded={() => { setAdding(false); toast(t("clientAuth.credentialAdded")); }} />}
      {removing !== null && (
        <ConfirmDialog open danger title={t("clientAuth.removeCredentialTitle", { name: removing.name })} confirmLabel={t("common.remove")} cancelLabel={t("common.cancel")} busy={busy} onConfirm={confirmRemove} onCancel={() => setRemoving(null)}>
          <ErrorBanner message={removeError} />
          <p>{t("clientAuth.removeCredentialBody")}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
