import { ApiClientDetailPage } from "../features/api-clients/api-client-detail";
import { ApiClientListPage } from "../features/api-clients/api-client-list";
import { AuditPage } from "../features/audit/audit-page";
import { MembersPage } from "../features/members/members-page";
import type { OrganizationDetails, ServerInfo } from "../features/organizations/organizations.graphql";
import { ApiClientsOffNotice, OverviewPage } from "../features/organizations/overview-page";
import { useI18n } from "../lib/i18n";
import { matchPath, useRouter } from "../lib/router";

/** Screens inside one organization; viewers get the same screens without actions. */
export function OrganizationRoutes({ organization, serverInfo }: { organization: OrganizationDetails; serverInfo: ServerInfo }) {
  const { t } = useI18n();
  const { path } = useRouter();
  const base = "/organization/:organizationId";
  const canEdit = organization.myRole === "OWNER";
  const clientsOff = !organization.apiClientsEnabled;
  if (matchPath(`${base}/api-clients`, path) !== null) {
    return clientsOff ? <ApiClientsOffNotice /> : <ApiClientListPage organizationId={organization.id} canEdit={canEdit} server={serverInfo} />;
  }
  const detail = matchPath(`${base}/api-clients/:id`, path);
  if (detail !== null) return clientsOff ? <ApiClientsOffNotice /> : <ApiClientDetailPage organizationId={organization.id} id={detail.id} canEdit={canEdit} />;
  if (matchPath(`${base}/audit`, path) !== null) return <AuditPage organizationId={organization.id} apiClientsEnabled={organization.apiClientsEnabled} />;
  if (matchPath(`${base}/members`, path) !== null) return <MembersPage organizationId={organization.id} organizationName={organization.name} canEdit={canEdit} />;
  if (matchPath(base, path) !== null) {
    return (
      <>
        {clientsOff && <ApiClientsOffNotice />}
        <OverviewPage organization={organization} serverInfo={serverInfo} />
      </>
    );
  }
  return <p>{t("common.notFound")}</p>;
}
