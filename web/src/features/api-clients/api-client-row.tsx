import { CopyField } from "../../components/ui/copy-field";
import { formatDate, formatDateTime } from "../../lib/format";
import { useI18n, type MessageKey } from "../../lib/i18n";
import { Link } from "../../lib/router";
import type { ApiClient } from "./api-clients.graphql";
import { METHOD_LABELS } from "./auth-method-field";

export const ROLE_LABELS: Record<string, MessageKey> = { reader: "role.reader", creator: "role.creator", admin: "role.admin", custom: "role.custom" };

interface ApiClientRowProps {
  client: ApiClient;
  organizationId: string;
  basePath?: string;
  canEdit: boolean;
  onReset(): void;
  onDelete(): void;
}

/** One client: a table row on a wide screen, a card (cells stacked, each labelled) on a phone. */
export function ApiClientRow({ client, organizationId, basePath = `/organization/${organizationId}/api-clients`, canEdit, onReset, onDelete }: ApiClientRowProps) {
  const { t, language } = useI18n();
  const cell = (label: string) => ({ role: "cell", "data-label": label });
  return (
    <tr role="row" className={client.expired ? "expired" : undefined}>
      <td role="cell" className="client-name">
        <Link to={`${basePath}/${client.id}`} aria-label={`${t("clients.viewDetails")}: ${client.name}`}>
          {client.name}
        </Link>
        {client.disabled && <span className="badge badge-disabled">{t("controls.disabledBadge")}</span>}
        {client.authMethod !== "CLIENT_SECRET" && <span className="method-badge">{t(METHOD_LABELS[client.authMethod])}</span>}
      </td>
      <td {...cell(t("clients.clientId"))}>
        <CopyField label={t("clients.clientId")} value={client.clientId} copyLabel={t("common.copy")} copiedLabel={t("common.copied")} inline />
      </td>
      <td {...cell(t("clients.notes"))} className="client-notes">
        {client.description === "" ? <span className="muted">—</span> : <span title={client.description}>{client.description}</span>}
      </td>
      <td {...cell(t("clients.role"))}>{t(ROLE_LABELS[client.roleLabel] ?? "role.custom")}</td>
      <td {...cell(t("clients.environment"))}>{client.environment === "LIVE" ? t("env.live") : t("env.staging")}</td>
      <td {...cell(t("clients.expires"))}>
        {client.expired ? (
          <span className="warning" title={t("clients.expiredTooltip")}>
            <span aria-hidden="true">⚠ </span>
            {t("clients.expiredOn", { date: formatDate(client.expiresAt, language) })}
          </span>
        ) : client.expiresAt === null ? (
          t("clients.never")
        ) : (
          formatDate(client.expiresAt, language)
        )}
      </td>
      <td {...cell(t("clients.lastUsed"))}>{client.lastUsedAt === null ? t("clients.neverUsed") : formatDateTime(client.lastUsedAt, language)}</td>
      {canEdit && (
        <td {...cell(t("clients.actions"))}>
          <div className="row-actions">
            {client.expired ? (
              <span className="hint">{t("clients.expiredRowHint")}</span>
            ) : client.authMethod !== "CLIENT_SECRET" ? null : (
              <button type="button" className="button button-small" onClick={onReset} aria-label={`${t("clients.resetSecret")}: ${client.name}`}>
                {t("clients.resetSecret")}
              </button>
            )}
            <button type="button" className="button button-small button-danger" onClick={onDelete} aria-label={`${t("clients.delete")}: ${client.name}`}>
              {t("clients.delete")}
            </button>
          </div>
        </td>
      )}
    </tr>
  );
}
