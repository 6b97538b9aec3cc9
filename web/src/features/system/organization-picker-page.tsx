import { useEffect, useState } from "react";
import { ErrorBanner, Loading } from "../../components/ui/error-banner";
import { toAppError } from "../../lib/graphql-errors";
import { useI18n } from "../../lib/i18n";
import { Link } from "../../lib/router";
import { usePlatformOrganizations } from "./use-platform-organizations";

/** The Decidim flow's first step: choose the organization a new API client belongs to. */
export function OrganizationPickerPage() {
  const { t } = useI18n();
  const [search, setSearch] = useState("");
  const [debounced, setDebounced] = useState("");
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(search.trim()), 250);
    return () => clearTimeout(timer);
  }, [search]);
  const { data, loading, error } = usePlatformOrganizations({ search: debounced === "" ? null : debounced, first: 10, after: null });
  const page = data?.platformOrganizations;
  return (
    <section aria-labelledby="picker-title">
      <h1 id="picker-title">{t("platform.newClientTitle")}</h1>
      <p>{t("platform.newClientIntro")}</p>
      <div className="toolbar">
        <input type="search" aria-label={t("platform.searchOrganizations")} placeholder={t("platform.searchOrganizations")} value={search} onChange={(event) => setSearch(event.target.value)} />
      </div>
      <ErrorBanner message={error === undefined ? null : toAppError(error).message} />
      {loading && page === undefined ? (
        <Loading label={t("common.loading")} />
      ) : page?.edges.length === 0 ? (
        <p>{t("platform.noOrganizations")}</p>
      ) : (
        <ul className="item-list" aria-label={t("platform.organizations")}>
          {page?.edges.map(({ node }) => (
            <li key={node.id}>
              <div className="item-main">
                <span className="item-title">{node.name}</span>
                <span className="hint">{node.apiClientsEnabled ? t("overview.clientsInUse", { used: node.apiClientCount, max: node.limits.maxApiClients }) : t("platform.apiClientsOffShort")}</span>
              </div>
              {node.apiClientsEnabled ? (
                <Link className="button button-small" to={`/system/organizations/${node.id}/api-clients?new=1`} aria-label={`${t("platform.choose")}: ${node.name}`}>
                  {t("platform.choose")}
                </Link>
              ) : (
                <Link className="button button-small" to={`/system/organizations/${node.id}`} aria-label={`${t("platform.switchOn")}: ${node.name}`}>
                  {t("platform.switchOn")}
                </Link>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
