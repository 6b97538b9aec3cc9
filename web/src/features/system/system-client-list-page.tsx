import { useState } from "react";
import { ErrorBanner, Loading } from "../../components/ui/error-banner";
import { formatDate, formatDateTime } from "../../lib/format";
import { toAppError } from "../../lib/graphql-errors";
import { useI18n } from "../../lib/i18n";
import { Link } from "../../lib/router";
import { CreateSystemClientDialog } from "./create-system-client-dialog";
import type { SystemClient } from "./system-clients.graphql";
import { permissionText } from "./system-permission-fields";
import { useSystemClients } from "./use-system-clients";

/** Clients of no organization, newest first; the route shows a new one's secret. */
export function SystemClientListPage({ onCreated }: { onCreated(result: { apiClient: SystemClient; clientSecret: string }): void }) {
  const { t, language } = useI18n();
  const { data, loading, error } = useSystemClients();
  const [creating, setCreating] = useState(false);
  const clients = data?.systemClients;
  return (
    <section aria-labelledby="system-clients-title">
      <div className="page-head">
        <h1 id="system-clients-title">{t("platform.systemClients")}</h1>
        <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
          {t("platform.createSystemClient")}
        </button>
      </div>
      <p className="hint page-intro">{t("platform.systemClientsIntro")}</p>
      <ErrorBanner message={error === undefined ? null : toAppError(error).message} />
      {loading && clients === undefined ? (
        <Loading label={t("common.loading")} />
      ) : clients?.length === 0 ? (
        <p>{t("platform.noSystemClients")}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table stack-table platform-table">
            <thead>
              <tr>
                <th scope="col">{t("clients.name")}</th>
                <th scope="col">{t("clients.clientId")}</th>
                <th scope="col">{t("clients.permissions")}</th>
                <th scope="col">{t("clients.expires")}</th>
                <th scope="col">{t("clients.lastUsed")}</th>
              </tr>
            </thead>
            <tbody>
              {clients?.map((client) => (
                <tr key={client.id} className={client.expired ? "expired" : undefined}>
                  <td className="stack-title">
                    <Link to={`/system/system-clients/${client.id}`} aria-label={`${t("clients.viewDetails")}: ${client.name}`}>
                      {client.name}
                    </Link>
                  </td>
                  <td className="stack-wrap" data-label={t("clients.clientId")}><span className="mono">{client.clientId}</span></td>
                  <td className="stack-wrap" data-label={t("clients.permissions")}>{client.permissions.length === 0 ? t("clients.noPermissions") : client.permissions.map((permission) => permissionText(permission, t)).join(", ")}</td>
                  <td data-label={t("clients.expires")}>{client.expiresAt === null ? t("clients.never") : formatDate(client.expiresAt, language)}</td>
                  <td data-label={t("clients.lastUsed")}>{client.lastUsedAt === null ? t("clients.neverUsed") : formatDateTime(client.lastUsedAt, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {creating && (
        <CreateSystemClientDialog
          onClose={() => setCreating(false)}
          onCreated={(result) => {
            setCreating(false);
            onCreated(result);
          }}
        />
      )}
    </section>
  );
}
