import { ErrorBanner, Loading } from "../../components/ui/error-banner";
import { useToast } from "../../components/ui/toast";
import { formatDate } from "../../lib/format";
import { toAppError } from "../../lib/graphql-errors";
import { useI18n } from "../../lib/i18n";
import { AddPublicKeyDialog } from "./add-public-key-dialog";
import { RemovableListPanel } from "./removable-list-panel";
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
  if (loading && data === undefined) return <Loading label={t("common.loading")} />;
  if (data === undefined) return <ErrorBanner message={error === undefined ? null : toAppError(error).message} />;
  const cell = (label: string) => ({ role: "cell", "data-label": label });
  return (
    <RemovableListPanel
      id="keys"
      items={data.apiClient.publicKeys}
      max={MAX_PUBLIC_KEYS}
      canEdit={canEdit}
      texts={{
        title: t("clientAuth.keys"),
        add: t("clientAuth.addKey"),
        full: t("clientAuth.keysMax", { max: MAX_PUBLIC_KEYS }),
        last: t("clientAuth.lastKey"),
        removeTitle: (kid) => t("clientAuth.removeKeyTitle", { kid }),
        removeBody: t("clientAuth.removeKeyBody"),
      }}
      headers={[t("clientAuth.kid"), t("clientAuth.keyType"), t("clientAuth.algorithm"), t("clientAuth.thumbprint"), t("clients.created"), t("clients.expires")]}
      nameOf={(key) => key.kid}
      rowClass={(key) => (key.expired ? "expired" : undefined)}
      cells={(key) => (
        <>
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
        </>
      )}
      remove={(key) => removeKey(key.id)}
      removing={busy}
      onRemoved={(key) => toast(t("clientAuth.keyRemoved", { kid: key.kid }))}
      addDialog={(close) => <AddPublicKeyDialog clientId={clientId} onClose={close} onAdded={() => { close(); toast(t("clientAuth.keyAdded")); }} />}
    />
  );
}
