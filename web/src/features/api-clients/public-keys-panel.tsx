import { useState } from "react";
import { ConfirmDialog } from "../../components/ui/confirm-dialog";
import { ErrorBanner, Loading } from "../../components/ui/error-banner";
import { useToast } from "../../components/ui/toast";
import { formatDate } from "../../lib/format";
import { toAppError } from "../../lib/graphql-errors";
import { useI18n } from "../../lib/i18n";
import { AddPublicKeyDialog } from "./add-public-key-dialog";
import type { ClientPublicKey } from "./secretless.graphql";
import { ThumbprintCopy } from "./thumbprint-copy";
import { useClientPublicKeys, useSecretlessMutations } from "./use-secretless";

/** The contract's limit: at most 10 keys per client. */
export const MAX_PUBLIC_KEYS = 10;

/** A private_key_jwt client's keys: a table on a wide screen, cards on a phone. Owners add and remove. */
export function PublicKeysPanel({ clientId, canEdit }: { clientId: string; canEdit: boolean }) {
  const { t, language } = useI18n();
  const toast = useToast();
  const { data, loading, error } = useClientPublicKeys(clientId);
  const { removeKey, busy } = useSecretlessMutations(clientId);
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<ClientPublicKey | null>(null);
  const [removeError, setRemoveError] = useState<string | null>(null);
  if (loading && data === undefined) return <Loading label={t("common.loading")} />;
  if (data === undefined) return <ErrorBanner message={error === undefined ? null : toAppError(error).message} />;
  const keys = data.apiClient.publicKeys;
  const isLast = keys.length <= 1;
  const atMax = keys.length >= MAX_PUBLIC_KEYS;
  const cell = (label: string) => ({ role: "cell", "data-label": label });
  const confirmRemove = async () => {
    if (removing === null) return;
    const result = await removeKey(removing.id);
    if ("error" in result) return setRemoveError(result.error.message);
    setRemoving(null);
    toast(t("clientAuth.keyRemoved", { kid: removing.kid }));
  };
  return (
    <div className="secretless-panel">
      <div className="panel-head">
        <h3 id="keys-title">{t("clientAuth.keys")}</h3>
        {canEdit && (
          <button type="button" className="button" onClick={() => setAdding(true)} disabled={atMax} aria-describedby={atMax ? "keys-max-reason" : undefined}>
            {t("clientAuth.addKey")}
          </button>
        )}
      </div>
      {canEdit && atMax && <p className="hint" id="keys-max-reason">{t("clientAuth.keysMax", { max: MAX_PUBLIC_KEYS })}</p>}
      <div className="table-scroll">
        <table className="data-table card-table keys-table" role="table" aria-labelledby="keys-title">
          <thead role="rowgroup">
            <tr role="row">
              <th scope="col" role="columnheader">{t("clientAuth.kid")}</th>
              <th scope="col" role="columnheader">{t("clientAuth.keyType")}</th>
              <th scope="col" role="columnheader">{t("clientAuth.algorithm")}</th>
              <th scope="col" role="columnheader">{t("clientAuth.thumbprint")}</th>
              <th scope="col" role="columnheader">{t("clients.created")}</th>
              <th scope="col" role="columnheader">{t("clients.expires")}</th>
              {canEdit && <th scope="col" role="columnheader">{t("clients.actions")}</th>}
            </tr>
          </thead>
          <tbody role="rowgroup">
            {keys.map((key) => (
              <tr role="row" key={key.id} className={key.expired ? "expired" : undefined}>
                <td role="cell" className="card-title mono">{key.kid}</td>
                <td {...cell(t("clientAuth.keyType"))}>{key.keyType}</td>
                <td {...cell(t("clientAuth.algorithm"))}>{key.algorithm}</td>
                <td {...cell(t("clientAuth.thumbprint"))}>
                  <ThumbprintCopy thumbprint={key.thumbprint} label={t("clientAuth.thumbprintOf", { kid: key.kid })} />
                </td>
                <td {...cell(t("clients.created"))}>{formatDate(key.createdAt, language)}</td>
                <td {...cell(t("clients.expires"))}>
                  {key.expired ? (
                    <span className="badge badge-expired">{t("clientAuth.keyExpiredOn", { date: formatDate(key.expiresAt, language) })}</span>
                  ) : key.expiresAt === null ? (
                    t("clients.never")
                  ) : (
                    formatDate(key.expiresAt, language)
                  )}
                </td>
                {canEdit && (
                  <td {...cell(t("clients.actions"))}>
                    <button type="button" className="button button-small button-danger" disabled={isLast} aria-describedby={isLast ? "keys-last-reason" : undefined} onClick={() => { setRemoveError(null); setRemoving(key); }} aria-label={`${t("common.remove")}: ${key.kid}`}>
                      {t("common.remove")}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {canEdit && isLast && <p className="hint" id="keys-last-reason">{t("clientAuth.lastKey")}</p>}
      {adding && <AddPublicKeyDialog clientId={clientId} onClose={() => setAdding(false)} onAdded={() => { setAdding(false); toast(t("clientAuth.keyAdded")); }} />}
      {removing !== null && (
        <ConfirmDialog open danger title={t("clientAuth.removeKeyTitle", { kid: removing.kid })} confirmLabel={t("common.remove")} cancelLabel={t("common.cancel")} busy={busy} onConfirm={confirmRemove} onCancel={() => setRemoving(null)}>
          <ErrorBanner message={removeError} />
          <p>{t("clientAuth.removeKeyBody")}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
