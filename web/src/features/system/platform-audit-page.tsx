import { useState, type ReactNode } from "react";
import { ErrorBanner, Loading } from "../../components/ui/error-banner";
import { Pager } from "../../components/ui/pager";
import { toAppError } from "../../lib/graphql-errors";
import { useI18n, type MessageKey } from "../../lib/i18n";
import { usePlatformAuditEvents } from "./use-platform";

type PlatformEvent = NonNullable<ReturnType<typeof usePlatformAuditEvents>["data"]>["platformAuditEvents"]["edges"][number]["node"];

/** The platform's actions an operator filters by; other actions still show under "all". */
const ACTIONS: { value: string; label: MessageKey }[] = [
  { value: "organization.created", label: "audit.action.orgCreated" },
  { value: "organization.updated", label: "audit.action.orgUpdated" },
  { value: "api_client.created", label: "audit.action.created" },
  { value: "api_client.permissions_updated", label: "audit.action.permissions" },
  { value: "api_client.secret_reset", label: "audit.action.reset" },
  { value: "api_client.deleted", label: "audit.action.deleted" },
  { value: "signing_key.rotated", label: "audit.action.keyRotated" },
  { value: "operator.invited", label: "audit.action.operatorInvited" },
  { value: "operator.invitation_withdrawn", label: "audit.action.operatorInvitationWithdrawn" },
  { value: "operator.added", label: "audit.action.operatorAdded" },
  { value: "operator.removed", label: "audit.action.operatorRemoved" },
];
const ACTOR_TYPES: { value: string; label: MessageKey }[] = [
  { value: "USER", label: "platform.actorUser" },
  { value: "CLIENT", label: "platform.actorClient" },
  { value: "CLI", label: "platform.actorCli" },
  { value: "SYSTEM", label: "platform.actorSystem" },
];

/** Events of no organization, newest first; the route renders each with the audit trail's card. */
export function PlatformAuditPage({ renderEvent }: { renderEvent(event: PlatformEvent): ReactNode }) {
  const { t } = useI18n();
  const [action, setAction] = useState("");
  const [actorType, setActorType] = useState("");
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const filter = action === "" && actorType === "" ? null : { action: action === "" ? null : action, actorType: actorType === "" ? null : actorType };
  const { data, loading, error } = usePlatformAuditEvents({ first: 25, after: cursors.at(-1) ?? null, filter });
  const page = data?.platformAuditEvents;
  return (
    <section aria-labelledby="platform-audit-title">
      <h1 id="platform-audit-title">{t("platform.audit")}</h1>
      <div className="toolbar">
        <label>
          {t("platform.filterAction")}{" "}
          <select value={action} onChange={(event) => { setAction(event.target.value); setCursors([null]); }}>
            <option value="">{t("audit.allEvents")}</option>
            {ACTIONS.map((option) => (
              <option key={option.value} value={option.value}>
                {t(option.label)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("platform.filterActor")}{" "}
          <select value={actorType} onChange={(event) => { setActorType(event.target.value); setCursors([null]); }}>
            <option value="">{t("platform.anyActor")}</option>
            {ACTOR_TYPES.map((type) => (
              <option key={type.value} value={type.value}>
                {t(type.label)}
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
        <ol className="item-list audit-list" aria-label={t("platform.audit")}>
          {page?.edges.map(({ node }) => renderEvent(node))}
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
