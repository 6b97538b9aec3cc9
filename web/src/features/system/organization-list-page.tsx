import { useEffect, useState } from "react";
import { Dialog } from "../../components/ui/dialog";
import { ErrorBanner, Loading } from "../../components/ui/error-banner";
import { Pager } from "../../components/ui/pager";
import { useToast } from "../../components/ui/toast";
import { formatDate } from "../../lib/format";
import { toAppError } from "../../lib/graphql-errors";
import { useI18n } from "../../lib/i18n";
import { Link, useRouter } from "../../lib/router";
import { OrganizationForm } from "./organization-form";
import { NEW_ORGANIZATION } from "./organization-settings";
import { useOrganizationMutations, usePlatformOrganizations } from "./use-platform-organizations";

const PAGE_SIZE = 25;

/** Every organization, by name, searchable by name, slug or id. */
export function OrganizationListPage() {
  const { t, language } = useI18n();
  const toast = useToast();
  const { navigate } = useRouter();
  const [search, setSearch] = useState("");
  const [debounced, setDebounced] = useState("");
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [creating, setCreating] = useState(false);
  const { create, busy } = useOrganizationMutations();
  useEffect(() => {
    const timer = setTimeout(() => {
      setDebounced(search.trim());
      setCursors([null]);
    }, 250);
    return () => clearTimeout(timer);
  }, [search]);
  const { data, loading, error } = usePlatformOrganizations({ search: debounced === "" ? null : debounced, first: PAGE_SIZE, after: cursors.at(-1) ?? null });
  const page = data?.platformOrganizations;
  return (
    <section aria-labelledby="orgs-title">
      <div className="page-head">
        <h1 id="orgs-title">{t("platform.organizations")}</h1>
        <div className="actions">
          <Link className="button" to="/system/api-clients/new">
            {t("platform.newClient")}
          </Link>
          <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
            {t("platform.createOrganization")}
          </button>
        </div>
      </div>
      <div className="toolbar">
        <input type="search" aria-label={t("platform.searchOrganizations")} placeholder={t("platform.searchOrganizations")} value={search} onChange={(event) => setSearch(event.target.value)} />
      </div>
      <ErrorBanner message={error === undefined ? null : toAppError(error).message} />
      {loading && page === undefined ? (
        <Loading label={t("common.loading")} />
      ) : (
        <div className="table-scroll">
          <table className="data-table stack-table platform-table">
            <thead>
              <tr>
                <th scope="col">{t("platform.orgName")}</th>
                <th scope="col">{t("overview.organizationId")}</th>
                <th scope="col">{t("platform.apiClients")}</th>
                <th scope="col">{t("platform.clientsUsed")}</th>
                <th scope="col">{t("platform.created")}</th>
              </tr>
            </thead>
            <tbody>
              {page?.edges.map(({ node }) => (
                <tr key={node.id}>
                  <td className="stack-title">
                    <Link to={`/system/organizations/${node.id}`}>{node.name}</Link>
                  </td>
                  <td className="stack-wrap" data-label={t("overview.organizationId")}><span className="mono">{node.id}</span></td>
                  <td data-label={t("platform.apiClients")}>{node.apiClientsEnabled ? t("platform.on") : t("platform.off")}</td>
                  <td data-label={t("platform.clientsUsed")}>{t("platform.clientsOfLimit", { used: node.apiClientCount, max: node.limits.maxApiClients })}</td>
                  <td data-label={t("platform.created")}>{formatDate(node.createdAt, language)}</td>
                </tr>
              ))}
              {page?.edges.length === 0 && (
                <tr>
                  <td colSpan={5}>{t("platform.noOrganizations")}</td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
      )}
      <Pager
        summary={page === undefined ? "" : t("platform.organizationCount", { count: page.totalCount })}
        hasPrevious={cursors.length > 1}
        hasNext={page?.pageInfo.hasNextPage === true}
        previousLabel={t("common.previous")}
        nextLabel={t("common.next")}
        onPrevious={() => setCursors(cursors.slice(0, -1))}
        onNext={() => setCursors([...cursors, page?.pageInfo.endCursor ?? null])}
      />
      <Dialog open={creating} title={t("platform.createOrganization")} onClose={() => setCreating(false)}>
        <OrganizationForm
          initial={NEW_ORGANIZATION}
          busy={busy}
          submitLabel={t("platform.create")}
          actions={
            <button type="button" className="button" onClick={() => setCreating(false)}>
              {t("common.cancel")}
            </button>
          }
          onSubmit={async (settings) => {
            const result = await create(settings);
            if ("error" in result) return result.error;
            setCreating(false);
            toast(t("toast.created", { name: result.data.createOrganization.name }));
            navigate(`/system/organizations/${result.data.createOrganization.id}`);
            return null;
          }}
        />
      </Dialog>
    </section>
  );
}
