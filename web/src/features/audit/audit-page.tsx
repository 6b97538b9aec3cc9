import { useState } from "react";
import { ErrorBanner, Loading } from "../../components/ui/error-banner";
import { Pager } from "../../components/ui/pager";
import { toAppError } from "../../lib/graphql-errors";
import { useI18n } from "../../lib/i18n";
import { AuditEventItem } from "./audit-event-item";
import { useAuditCatalog, useAuditEvents, useClientChoices } from "./use-audit-events";

/** Who did what, when, from where; newest first, filterable by client. */
export function AuditPage({ organizationId, apiClientsEnabled }: { organizationId: string; apiClientsEnabled: boolean }) {
  const { t } = useI18n();
  const [clientId, setClientId] = useState(() => new URLSearchParams(window.location.search).get("client") ?? "");
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const { data, loading, error } = useAuditEvents({ organizationId, first: 25, after: cursors.at(-1) ?? null, filter: clientId === "" ? null : { apiClientId: clientId } });
  const choices = useClientChoices(organizationId, !apiClientsEnabled);
  const catalog = useAuditCatalog().data?.permissionCatalog.apis ?? [];
  const page = data?.auditEvents;
  const choose = (next: string) => {
    setClientId(next);
    setCursors([null]);
    const url = new URL(window.location.href);
    if (next === "") url.searchParams.delete("client");
    else url.searchParams.set("client", next);
    window.history.replaceState(null, "", url);
  };
  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">{t("nav.audit")}</h1>
      <div className="toolbar">
        <label>
          {t("audit.filterClient")}{" "}
          <select value={clientId} onChange={(event) => choose(event.target.value)}>
            <option value="">{t("audit.allEvents")}</option>
            {choices.data?.apiClients.edges.map(({ node }) => (
              <option key={node.id} value={node.id}>
                {node.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ErrorBanner message={error === undefined ? null : toAppError(error).message} />
      {loading && page === undefined ? (
        <Loading label={t("common.loading")} />
      ) : page?.edges.length === 0 ? (
        <p>{t("audit.none")}</p>
      ) : (
        <ol className="item-list audit-list" aria-label={t("nav.audit")}>
          {page?.edges.map(({ node }) => <AuditEventItem key={node.id} event={node} catalog={catalog} />)}
        </ol>
      )}
      <Pager
        summary={page === undefined ? "" : page.totalCount === 1 ? t("audit.countOne") : t("audit.count", { count: page.totalCount })}
        hasPrevious={cursors.length > 1}
        hasNext={page?.pageInfo.hasNextPage === true}
        previousLabel={t("common.previous")}
        nextLabel={t("common.next")}
        onPrevious={() => setCursors(cursors.slice(0, -1))}
        onNext={() => setCursors([...cursors, page?.pageInfo.endCursor ?? null])}
      />
    </section>
  );
}
