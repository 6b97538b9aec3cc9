import { useState } from "react";
import { CopyField } from "../../components/ui/copy-field";
import { ErrorBanner, Loading } from "../../components/ui/error-banner";
import { useToast } from "../../components/ui/toast";
import { formatDate, formatDateTime } from "../../lib/format";
import { toAppError } from "../../lib/graphql-errors";
import { useI18n } from "../../lib/i18n";
import { Link, useRouter } from "../../lib/router";
import type { SecretPayload } from "./api-clients.graphql";
import { ROLE_LABELS } from "./api-client-row";
import { DeleteApiClientDialog } from "./delete-api-client-dialog";
import { EditApiClientDialog } from "./edit-api-client-dialog";
import { ResetSecretDialog } from "./reset-secret-dialog";
import { ClientControlsPanel } from "./client-controls-panel";
import { SecretDialog } from "./secret-dialog";
import { ClientAuthenticationSection } from "./client-authentication-section";
import { scopeLabels } from "./permission-grid-state";
import { useApiClient, useClientsOrganization, usePermissionCatalog } from "./use-api-clients";

type OpenDialog = "edit" | "reset" | "delete" | null;

/** `basePath` and `auditPath` place it under /system for an operator. */
export function ApiClientDetailPage({ organizationId, id, canEdit, basePath, auditPath }: { organizationId: string; id: string; canEdit: boolean; basePath?: string; auditPath?: string }) {
  const { t, language } = useI18n();
  const toast = useToast();
  const { navigate } = useRouter();
  const { data, loading, error } = useApiClient(id);
  const catalog = usePermissionCatalog();
  const organization = useClientsOrganization(organizationId);
  const [open, setOpen] = useState<OpenDialog>(null);
  const [shownSecret, setShownSecret] = useState<SecretPayload | null>(null);
  const listPath = basePath ?? `/organization/${organizationId}/api-clients`;
  if (loading && data === undefined) return <Loading label={t("common.loading")} />;
  if (error !== undefined || data === undefined) return <ErrorBanner message={error === undefined ? t("common.notFound") : toAppError(error).message} />;
  const client = data.apiClient;
  const apis = catalog.data?.permissionCatalog.apis ?? [];
  const userTokenModes = [client.allowLogin ? t("clients.userTokensLogin") : null, client.allowImpersonate ? t("clients.userTokensImpersonate") : null].filter((mode) => mode !== null);
  const titleOf = (permission: string) => {
    for (const api of apis) for (const action of api.actions) if (action.permission === permission) return `${api.title[language]}: ${action.title[language]}`;
    return permission;
  };
  return (
    <section aria-labelledby="client-title">
      <p>
        <Link to={listPath}>← {t("nav.apiClients")}</Link>
      </p>
      <div className="page-head">
        <h1 id="client-title" className="client-title">
          {client.name}
          {client.disabled && <span className="badge badge-disabled">{t("controls.disabledBadge")}</span>}
        </h1>
        {canEdit && (
          <div className="actions">
            <button type="button" className="button" onClick={() => setOpen("edit")} disabled={catalog.data === undefined}>
              {t("clients.edit")}
            </button>
            {!client.expired && client.authMethod === "CLIENT_SECRET" && (
              <button type="button" className="button" onClick={() => setOpen("reset")}>
                {t("clients.resetSecret")}
              </button>
            )}
            <button type="button" className="button button-danger" onClick={() => setOpen("delete")}>
              {t("clients.delete")}
            </button>
          </div>
        )}
      </div>
      {client.expired && (
        <div className="banner banner-warning" role="status">
          <span aria-hidden="true">⚠ </span>
          {t("clients.expiredTooltip")} {t("clients.expiredCreateNew")}
        </div>
      )}
      <div className="card">
        <CopyField label={t("clients.clientId")} value={client.clientId} copyLabel={t("common.copy")} copiedLabel={t("common.copied")} />
        <dl className="facts">
          <dt>{t("clients.description")}</dt>
          <dd className="prewrap">{client.description || "—"}</dd>
          <dt>{t("clients.role")}</dt>
          <dd>{t(ROLE_LABELS[client.roleLabel] ?? "role.custom")}</dd>
          <dt>{t("clients.environment")}</dt>
          <dd>{client.environment === "LIVE" ? t("env.live") : t("env.staging")}</dd>
          {client.authMethod === "CLIENT_SECRET" && (
            <>
              <dt>{t("clients.secret")}</dt>
              <dd className="mono">••••{client.secretHint}</dd>
            </>
          )}
          {client.previousSecretExpiresAt !== null && (
            <>
              <dt>{t("clients.previousSecret")}</dt>
              <dd>{t("clients.previousSecretUntil", { date: formatDateTime(client.previousSecretExpiresAt, language) })}</dd>
            </>
          )}
          <dt>{t("clients.expires")}</dt>
          <dd>{client.expiresAt === null ? t("clients.never") : formatDate(client.expiresAt, language)}</dd>
          <dt>{t("clients.lastUsed")}</dt>
          <dd>{client.lastUsedAt === null ? t("clients.neverUsed") : `${formatDateTime(client.lastUsedAt, language)} (${client.lastUsedIp ?? "—"})`}</dd>
          <dt>{t("clients.created")}</dt>
          <dd>{t("clients.createdBy", { date: formatDateTime(client.createdAt, language), who: client.createdBy })}</dd>
          <dt>{t("clients.scopes")}</dt>
          <dd>{client.scopes === null ? t("clients.allApis") : scopeLabels(apis, client.scopes, language).join(", ")}</dd>
          <dt>{t("clients.allowedIps")}</dt>
          <dd className={client.allowedIps.length === 0 ? undefined : "mono"}>{client.allowedIps.length === 0 ? t("clients.anyIp") : client.allowedIps.join(", ")}</dd>
          <dt>{t("clients.userTokens")}</dt>
          <dd>{userTokenModes.length === 0 ? t("clients.userTokensNone") : userTokenModes.join(", ")}</dd>
          <dt>{t("clients.redirectUris")}</dt>
          <dd className={client.redirectUris.length === 0 ? undefined : "mono"}>{client.redirectUris.length === 0 ? "—" : client.redirectUris.join(", ")}</dd>
        </dl>
      </div>
      <ClientAuthenticationSection client={client} canEdit={canEdit} />
      <div className="card">
        <h2>{t("clients.permissions")}</h2>
        {client.permissions.length === 0 ? <p>{t("clients.noPermissions")}</p> : (
          <ul className="permission-list">
            {client.permissions.map((permission) => (
              <li key={permission}>
                {titleOf(permission)} <code>{permission}</code>
              </li>
            ))}
          </ul>
        )}
      </div>
      <ClientControlsPanel id={client.id} name={client.name} organizationTtl={organization.data?.organization.limits.accessTokenTtlSeconds ?? null} canEdit={canEdit} />
      <p>
        <Link to={`${auditPath ?? `/organization/${organizationId}/audit`}?client=${client.id}`}>{t("clients.auditLink")}</Link>
      </p>
      {open === "edit" && catalog.data !== undefined && (
        <EditApiClientDialog client={client} apis={apis} presets={catalog.data.permissionCatalog.presets} onClose={() => setOpen(null)} onSaved={() => { setOpen(null); toast(t("toast.saved")); }} />
      )}
      {open === "reset" && <ResetSecretDialog client={client} onClose={() => setOpen(null)} onReset={(result) => { setOpen(null); setShownSecret(result); toast(t("toast.reset")); }} />}
      {open === "delete" && <DeleteApiClientDialog client={client} onClose={() => setOpen(null)} onDeleted={() => { toast(t("toast.deleted", { name: client.name })); navigate(listPath); }} />}
      {shownSecret?.clientSecret != null && <SecretDialog clientId={shownSecret.apiClient.clientId} secret={shownSecret.clientSecret} onClose={() => setShownSecret(null)} />}
    </section>
  );
}
