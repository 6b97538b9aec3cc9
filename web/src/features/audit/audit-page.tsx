import { useState } from "react";
import { ErrorBanner, Loading } from "../../components/ui/error-banner";
import { Pager } from "../../components/ui/pager";
import { formatDateTime } from "../../lib/format";
import { toAppError } from "../../lib/graphql-errors";
import { useI18n, type MessageKey } from "../../lib/i18n";
import { useAuditEvents, useClientChoices } from "./use-audit-events";

const ACTIONS: Record<string, MessageKey> = {
  "api_client.created": "audit.action.created",
  "api_client.updated": "audit.action.updated",
  "api_client.permissions_updated": "audit.action.permissions",
  "api_client.secret_reset": "audit.action.reset",
  "api_client.deleted": "audit.action.deleted",
  "token.refused": "audit.action.refused",
  "member.added": "audit.action.memberAdded",
  "member.removed": "audit.action.memberRemoved",
  "member.role_changed": "audit.action.memberRole",
  "organization.created": "audit.action.orgCreated",
  "organization.updated": "audit.action.orgUpdated",
  "invitation.created": "audit.action.invitationCreated",
  "invitation.withdrawn": "audit.action.invitationWithdrawn",
  "invitation.accepted": "audit.action.invitationAccepted",
  "user.password_changed": "audit.action.passwordChanged",
  "user.sessions_signed_out": "audit.action.sessionsSignedOut",
};

/** Who did what, when, from where; newest first, filterable by client. */
export function AuditPage({ organizationId, apiClientsEnabled }: { organizationId: string; apiClientsEnabled: boolean }) {
  const { t, language } = useI18n();
  const [clientId, setClientId] = useState(() => new URLSearchParams(window.location.search).get("client") ?? "");
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const { data, loading, error } = useAuditEvents({ organizationId, first: 25, after: cursors.at(-1) ?? null, filter: clientId === "" ? null : { apiClientId: clientId } });
  const choices = useClientChoices(organizationId, !apiClientsEnabled);
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
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("audit.when")}</th>
                <th scope="col">{t("audit.who")}</th>
                <th scope="col">{t("audit.what")}</th>
                <th scope="col">{t("audit.target")}</th>
                <th scope="col">{t("audit.from")}</th>
              </tr>
            </thead>
            <tbody>
              {page?.edges.map(({ node }) => (
                <tr key={node.id}>
                  <td>{formatDateTime(node.createdAt, language)}</td>
                  <td>{node.actor.label}</td>
                  <td>
                    {ACTIONS[node.action] === undefined ? node.action : t(ACTIONS[node.action])}
                    <details>
                      <summary>{t("audit.details")}</summary>
                      <pre>{JSON.stringify(node.changes, null, 2)}</pre>
                    </details>
                  </td>
                  <td>{node.targetLabel ?? "—"}</td>
                  <td className="mono">{node.ip ?? "—"}</td>
                </tr>
              ))}
              {page?.edges.length === 0 && (
                <tr>
                  <td colSpan={5}>{t("audit.none")}</td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
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
