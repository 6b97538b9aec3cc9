import { useEffect, useRef, useState } from "react";
import { ErrorBanner, Loading } from "../../components/ui/error-banner";
import { Pager } from "../../components/ui/pager";
import { useToast } from "../../components/ui/toast";
import { toAppError } from "../../lib/graphql-errors";
import { useI18n } from "../../lib/i18n";
import type { ApiClient, ApiClientOrder, SecretPayload } from "./api-clients.graphql";
import { ApiClientRow } from "./api-client-row";
import { CreateApiClientDialog } from "./create-api-client-dialog";
import { DeleteApiClientDialog } from "./delete-api-client-dialog";
import { ResetSecretDialog } from "./reset-secret-dialog";
import { SecretDialog } from "./secret-dialog";
import { SecretlessCreatedDialog } from "./secretless-created-dialog";
import { SecurityTips } from "./security-tips";
import { TokenEndpointPanel } from "./token-endpoint-panel";
import { useApiClientList, useClientsOrganization, usePermissionCatalog } from "./use-api-clients";

const PAGE_SIZE = 20;

interface ApiClientListPageProps {
  organizationId: string;
  canEdit: boolean;
  server: { tokenEndpoint: string; issuer: string; tenantHeader: string };
  /** Where the client screens live: the organization's own, or an operator's under /system. */
  basePath?: string;
  /** Opens the create dialog at once (an operator who chose the organization to create a client in). */
  startCreating?: boolean;
}

type RowDialog = { kind: "reset" | "delete"; client: ApiClient } | null;

export function ApiClientListPage({ organizationId, canEdit, server, basePath, startCreating = false }: ApiClientListPageProps) {
  const { t, language } = useI18n();
  const toast = useToast();
  const [search, setSearch] = useState("");
  const [debounced, setDebounced] = useState("");
  const [orderBy, setOrderBy] = useState<ApiClientOrder>("CREATED_DESC");
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [creating, setCreating] = useState(startCreating);
  const [rowDialog, setRowDialog] = useState<RowDialog>(null);
  const [shownSecret, setShownSecret] = useState<SecretPayload | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const [deletedId, setDeletedId] = useState<string | null>(null);
  const createRef = useRef<HTMLButtonElement>(null);
  const [secretClosed, setSecretClosed] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => {
      setDebounced(search.trim());
      setCursors([null]);
    }, 250);
    return () => clearTimeout(timer);
  }, [search]);
  const { data, loading, error } = useApiClientList({ organizationId, first: PAGE_SIZE, after: cursors.at(-1) ?? null, filter: debounced === "" ? null : { search: debounced }, orderBy, language });
  const catalog = usePermissionCatalog();
  const organization = useClientsOrganization(organizationId).data?.organization;
  const page = data?.apiClients;
  const isEmpty = page !== undefined && page.totalCount === 0 && debounced === "";
  // A row deleted from the list takes its focused button with it: focus goes to the page's heading.
  useEffect(() => {
    if (deletedId === null || page === undefined || page.edges.some(({ node }) => node.id === deletedId)) return;
    if (document.activeElement === document.body || document.activeElement === null) heading.current?.focus();
    setDeletedId(null);
  }, [page, deletedId]);

  // The first client's secret dialog outlives its opener (the empty state's button): focus the one in the header.
  useEffect(() => {
    if (!secretClosed) return;
    const create = createRef.current;
    if (document.activeElement === document.body || document.activeElement === null) (create !== null && !create.disabled ? create : heading.current)?.focus();
    setSecretClosed(false);
  }, [secretClosed]);

  const atLimit = organization !== undefined && organization.apiClientCount >= organization.limits.maxApiClients;
  const createButton = canEdit && (
    <div className="create-action">
      <button ref={createRef} type="button" className="button button-primary" onClick={() => setCreating(true)} disabled={catalog.data === undefined || organization === undefined || atLimit} aria-describedby={atLimit ? "client-limit-reason" : undefined}>
        {t("clients.create")}
      </button>
      {atLimit && (
        <p className="hint" id="client-limit-reason">
          {t("clients.limitReached", { max: organization.limits.maxApiClients })}
        </p>
      )}
    </div>
  );

  return (
    <section aria-labelledby="clients-title" className="clients-page">
      <div className="page-head">
        <h1 id="clients-title" ref={heading} tabIndex={-1}>
          {t("nav.apiClients")}
        </h1>
        {!isEmpty && createButton}
      </div>
      <ErrorBanner message={error === undefined ? null : toAppError(error).message} />
      {isEmpty ? (
        <div className="card empty-state">
          <h2>{t("clients.emptyTitle")}</h2>
          <p>{t("clients.emptyBody")}</p>
          {createButton}
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
              {/* Explicit roles keep the table a table for screen readers where a phone stacks its rows. */}
              <table className="data-table clients-table" role="table">
                <thead role="rowgroup">
                  <tr role="row">
                    <th scope="col" role="columnheader">{t("clients.name")}</th>
                    <th scope="col" role="columnheader">{t("clients.clientId")}</th>
                    <th scope="col" role="columnheader">{t("clients.notes")}</th>
                    <th scope="col" role="columnheader">{t("clients.role")}</th>
                    <th scope="col" role="columnheader">{t("clients.environment")}</th>
                    <th scope="col" role="columnheader">{t("clients.expires")}</th>
                    <th scope="col" role="columnheader">{t("clients.lastUsed")}</th>
                    {canEdit && <th scope="col" role="columnheader">{t("clients.actions")}</th>}
                  </tr>
                </thead>
                <tbody role="rowgroup">
                  {page?.edges.map(({ node }) => (
                    <ApiClientRow key={node.id} client={node} organizationId={organizationId} basePath={basePath} canEdit={canEdit} onReset={() => setRowDialog({ kind: "reset", client: node })} onDelete={() => setRowDialog({ kind: "delete", client: node })} />
                  ))}
                  {page?.edges.length === 0 && (
                    <tr role="row">
                      <td role="cell" colSpan={canEdit ? 8 : 7}>{t("clients.noMatch")}</td>
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
      <SecurityTips />
      <TokenEndpointPanel tokenEndpoint={server.tokenEndpoint} issuer={server.issuer} tenantHeader={server.tenantHeader} tokenLifetimeSeconds={organization?.limits.accessTokenTtlSeconds} />
      {creating && catalog.data !== undefined && organization !== undefined && (
        <CreateApiClientDialog
          organizationId={organizationId}
          slug={organization.slug}
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
      {rowDialog?.kind === "reset" && (
        <ResetSecretDialog
          client={rowDialog.client}
          onClose={() => setRowDialog(null)}
          onReset={(result) => {
            setRowDialog(null);
            setShownSecret(result);
            toast(t("toast.reset"));
          }}
        />
      )}
      {rowDialog?.kind === "delete" && (
        <DeleteApiClientDialog
          client={rowDialog.client}
          onClose={() => setRowDialog(null)}
          onDeleted={() => {
            toast(t("toast.deleted", { name: rowDialog.client.name }));
            setRowDialog(null);
            setDeletedId(rowDialog.client.id);
          }}
        />
      )}
      {shownSecret !== null && shownSecret.clientSecret !== null && <SecretDialog clientId={shownSecret.apiClient.clientId} secret={shownSecret.clientSecret} onClose={() => { setShownSecret(null); setSecretClosed(true); }} />}
      {shownSecret !== null && shownSecret.clientSecret === null && <SecretlessCreatedDialog clientId={shownSecret.apiClient.clientId} authMethod={shownSecret.apiClient.authMethod} tokenEndpoint={server.tokenEndpoint} onClose={() => { setShownSecret(null); setSecretClosed(true); }} />}
    </section>
  );
}
