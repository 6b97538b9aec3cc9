import { useEffect, useState } from "react";
import { CopyField } from "../../components/ui/copy-field";
import { ErrorBanner, Loading } from "../../components/ui/error-banner";
import { Pager } from "../../components/ui/pager";
import { useToast } from "../../components/ui/toast";
import { formatDate, formatDateTime } from "../../lib/format";
import { toAppError } from "../../lib/graphql-errors";
import { useI18n, type MessageKey } from "../../lib/i18n";
import { Link } from "../../lib/router";
import type { ApiClient, ApiClientOrder, SecretPayload } from "./api-clients.graphql";
import { CreateApiClientDialog } from "./create-api-client-dialog";
import { SecretDialog } from "./secret-dialog";
import { TokenEndpointPanel } from "./token-endpoint-panel";
import { useApiClientList, usePermissionCatalog } from "./use-api-clients";

const PAGE_SIZE = 20;

export const ROLE_LABELS: Record<string, MessageKey> = { reader: "role.reader", creator: "role.creator", admin: "role.admin", custom: "role.custom" };

interface ApiClientListPageProps {
  organizationId: string;
  canEdit: boolean;
  server: { tokenEndpoint: string; issuer: string; tenantHeader: string };
}

export function ApiClientListPage({ organizationId, canEdit, server }: ApiClientListPageProps) {
  const { t, language } = useI18n();
  const toast = useToast();
  const [search, setSearch] = useState("");
  const [debounced, setDebounced] = useState("");
  const [orderBy, setOrderBy] = useState<ApiClientOrder>("CREATED_DESC");
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [creating, setCreating] = useState(false);
  const [shownSecret, setShownSecret] = useState<SecretPayload | null>(null);
  useEffect(() => {
    const timer = setTimeout(() => {
      setDebounced(search.trim());
      setCursors([null]);
    }, 250);
    return () => clearTimeout(timer);
  }, [search]);
  const { data, loading, error } = useApiClientList({ organizationId, first: PAGE_SIZE, after: cursors.at(-1) ?? null, filter: debounced === "" ? null : { search: debounced }, orderBy });
  const catalog = usePermissionCatalog();
  const page = data?.apiClients;
  const isEmpty = page !== undefined && page.totalCount === 0 && debounced === "";

  return (
    <section aria-labelledby="clients-title">
      <div className="page-head">
        <h1 id="clients-title">{t("nav.apiClients")}</h1>
        {canEdit && !isEmpty && (
          <button type="button" className="button button-primary" onClick={() => setCreating(true)} disabled={catalog.data === undefined}>
            {t("clients.create")}
          </button>
        )}
      </div>
      <ErrorBanner message={error === undefined ? null : toAppError(error).message} />
      {isEmpty ? (
        <div className="card empty-state">
          <h2>{t("clients.emptyTitle")}</h2>
          <p>{t("clients.emptyBody")}</p>
          {canEdit && (
            <button type="button" className="button button-primary" onClick={() => setCreating(true)} disabled={catalog.data === undefined}>
              {t("clients.create")}
            </button>
          )}
        </div>
      ) : (
        <>
          <div className="toolbar">
            <input type="search" aria-label={t("clients.filter")} placeholder={t("clients.filter")} value={search} onChange={(event) => setSearch(event.target.value)} />
            <label>
              {t("clients.sort")}{" "}
              <select value={orderBy} onChange={(event) => { setOrderBy(event.target.value as ApiClientOrder); setCursors([null]); }}>
                <option value="CREATED_DESC">{t("clients.sortNewest")}</option>
                <option value="CREATED_ASC">{t("clients.sortOldest")}</option>
                <option value="NAME_ASC">{t("clients.sortName")}</option>
                <option value="NAME_DESC">{t("clients.sortNameDesc")}</option>
              </select>
            </label>
          </div>
          {loading && page === undefined ? (
            <Loading label={t("common.loading")} />
          ) : (
            <div className="table-scroll">
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">{t("clients.name")}</th>
                    <th scope="col">{t("clients.clientId")}</th>
                    <th scope="col">{t("clients.role")}</th>
                    <th scope="col">{t("clients.environment")}</th>
                    <th scope="col">{t("clients.expires")}</th>
                    <th scope="col">{t("clients.lastUsed")}</th>
                    <th scope="col">{t("clients.created")}</th>
                  </tr>
                </thead>
                <tbody>
                  {page?.edges.map(({ node }) => <ApiClientRow key={node.id} client={node} organizationId={organizationId} />)}
                  {page?.edges.length === 0 && (
                    <tr>
                      <td colSpan={7}>{t("clients.noMatch")}</td>
                    </tr>
                  )}
                </tbody>
              </table>
            </div>
          )}
          <Pager
            summary={page === undefined ? "" : page.totalCount === 1 ? t("clients.countOne") : t("clients.count", { count: page.totalCount })}
            hasPrevious={cursors.length > 1}
            hasNext={page?.pageInfo.hasNextPage === true}
            previousLabel={t("common.previous")}
            nextLabel={t("common.next")}
            onPrevious={() => setCursors(cursors.slice(0, -1))}
            onNext={() => setCursors([...cursors, page?.pageInfo.endCursor ?? null])}
          />
        </>
      )}
      <TokenEndpointPanel tokenEndpoint={server.tokenEndpoint} issuer={server.issuer} tenantHeader={server.tenantHeader} />
      {creating && catalog.data !== undefined && (
        <CreateApiClientDialog
          organizationId={organizationId}
          apis={catalog.data.permissionCatalog.apis}
          presets={catalog.data.permissionCatalog.presets}
          onClose={() => setCreating(false)}
          onCreated={(result) => {
            setCreating(false);
            setShownSecret(result);
            toast(t("toast.created", { name: result.apiClient.name }));
          }}
        />
      )}
      {shownSecret !== null && <SecretDialog clientId={shownSecret.apiClient.clientId} secret={shownSecret.clientSecret} onClose={() => setShownSecret(null)} />}
    </section>
  );
}

function ApiClientRow({ client, organizationId: orgId }: { client: ApiClient; organizationId: string }) {
  const { t, language } = useI18n();
  return (
    <tr className={client.expired ? "expired" : undefined}>
      <td>
        <Link to={`/organization/${orgId}/api-clients/${client.id}`} aria-label={`${t("clients.viewDetails")}: ${client.name}`}>
          {client.name}
        </Link>
      </td>
      <td>
        <CopyField label={t("clients.clientId")} value={client.clientId} copyLabel={t("common.copy")} copiedLabel={t("common.copied")} />
      </td>
      <td>{t(ROLE_LABELS[client.roleLabel] ?? "role.custom")}</td>
      <td>{client.environment === "LIVE" ? t("env.live") : t("env.staging")}</td>
      <td>
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
      <td>{client.lastUsedAt === null ? t("clients.neverUsed") : formatDateTime(client.lastUsedAt, language)}</td>
      <td>{formatDate(client.createdAt, language)}</td>
    </tr>
  );
}
