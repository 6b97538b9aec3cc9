import { useState } from "react";
import { CopyField } from "../../components/ui/copy-field";
import { Dialog } from "../../components/ui/dialog";
import { ErrorBanner } from "../../components/ui/error-banner";
import { useToast } from "../../components/ui/toast";
import { formatDate, formatDateTime } from "../../lib/format";
import { fieldError, type AppErrorInfo } from "../../lib/graphql-errors";
import { useI18n } from "../../lib/i18n";
import { Link } from "../../lib/router";
import type { SystemClient } from "./system-clients.graphql";
import { permissionText, SystemPermissionFields } from "./system-permission-fields";
import { useSystemClientMutations } from "./use-system-clients";

interface SystemClientDetailProps {
  client: SystemClient;
  /** Reset and delete are the API clients' own dialogs, which the route opens. */
  onReset(): void;
  onDelete(): void;
}

export function SystemClientDetail({ client, onReset, onDelete }: SystemClientDetailProps) {
  const { t, language } = useI18n();
  const [editing, setEditing] = useState(false);
  return (
    <section aria-labelledby="system-client-title">
      <p>
        <Link to="/system/system-clients">← {t("platform.systemClients")}</Link>
      </p>
      <div className="page-head">
        <h1 id="system-client-title" className="client-title">{client.name}</h1>
        <div className="actions">
          <button type="button" className="button" onClick={() => setEditing(true)}>
            {t("platform.editPermissions")}
          </button>
          {!client.expired && (
            <button type="button" className="button" onClick={onReset}>
              {t("clients.resetSecret")}
            </button>
          )}
          <button type="button" className="button button-danger" onClick={onDelete}>
            {t("clients.delete")}
          </button>
        </div>
      </div>
      <div className="card">
        <CopyField label={t("clients.clientId")} value={client.clientId} copyLabel={t("common.copy")} copiedLabel={t("common.copied")} />
        <dl className="facts">
          <dt>{t("clients.description")}</dt>
          <dd className="prewrap">{client.description || "—"}</dd>
          <dt>{t("clients.secret")}</dt>
          <dd className="mono">••••{client.secretHint}</dd>
          <dt>{t("clients.expires")}</dt>
          <dd>{client.expiresAt === null ? t("clients.never") : formatDate(client.expiresAt, language)}</dd>
          <dt>{t("clients.lastUsed")}</dt>
          <dd>{client.lastUsedAt === null ? t("clients.neverUsed") : formatDateTime(client.lastUsedAt, language)}</dd>
          <dt>{t("clients.created")}</dt>
          <dd>{t("clients.createdBy", { date: formatDateTime(client.createdAt, language), who: client.createdBy })}</dd>
        </dl>
      </div>
      <div className="card">
        <h2>{t("clients.permissions")}</h2>
        {client.permissions.length === 0 ? (
          <p>{t("clients.noPermissions")}</p>
        ) : (
          <ul className="permission-list">
            {client.permissions.map((permission) => (
              <li key={permission}>
                {permissionText(permission, t)} <code>{permission}</code>
              </li>
            ))}
          </ul>
        )}
      </div>
      {editing && <EditSystemPermissionsDialog client={client} onClose={() => setEditing(false)} />}
    </section>
  );
}

function EditSystemPermissionsDialog({ client, onClose }: { client: SystemClient; onClose(): void }) {
  const { t } = useI18n();
  const toast = useToast();
  const { setPermissions, busy } = useSystemClientMutations();
  const [permissions, setChosen] = useState(client.permissions);
  const [error, setError] = useState<AppErrorInfo | null>(null);
  const save = async () => {
    const result = await setPermissions(client.id, permissions);
    if ("error" in result) return setError(result.error);
    toast(t("toast.saved"));
    onClose();
  };
  return (
    <Dialog open title={t("platform.editPermissionsOf", { name: client.name })} onClose={onClose}>
      <div className="dialog-body">
        <ErrorBanner message={error === null || error.fields.length > 0 ? null : error.message} />
        <SystemPermissionFields value={permissions} onChange={setChosen} error={fieldError(error, "permissions") ?? fieldError(error, "set")} />
      </div>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          {t("common.cancel")}
        </button>
        <button type="button" className="button button-primary" onClick={() => void save()} disabled={busy} aria-busy={busy}>
          {t("common.save")}
        </button>
      </div>
    </Dialog>
  );
}
