import { useState } from "react";
import { ErrorBanner, Loading } from "../components/ui/error-banner";
import { useToast } from "../components/ui/toast";
import { AccountPage } from "../features/account/account-page";
import { ApiClientDetailPage } from "../features/api-clients/api-client-detail";
import { ApiClientListPage } from "../features/api-clients/api-client-list";
import { DeleteApiClientDialog } from "../features/api-clients/delete-api-client-dialog";
import { ResetSecretDialog } from "../features/api-clients/reset-secret-dialog";
import { SecretDialog } from "../features/api-clients/secret-dialog";
import { useApiClient } from "../features/api-clients/use-api-clients";
import { AuditEventItem } from "../features/audit/audit-event-item";
import { AuditPage } from "../features/audit/audit-page";
import { useAuditCatalog } from "../features/audit/use-audit-events";
import { InvitationLinkDialog } from "../features/members/invitation-link-dialog";
import { useOrganization } from "../features/organizations/use-organization";
import { OperatorsPage } from "../features/system/operators-page";
import { OrganizationEditPage } from "../features/system/organization-edit-page";
import { OrganizationListPage } from "../features/system/organization-list-page";
import { OrganizationPickerPage } from "../features/system/organization-picker-page";
import { PlatformAuditPage } from "../features/system/platform-audit-page";
import { SigningKeysPage } from "../features/system/signing-keys-page";
import { SystemClientDetail } from "../features/system/system-client-detail";
import { SystemClientListPage } from "../features/system/system-client-list-page";
import { toAppError } from "../lib/graphql-errors";
import { useI18n, type MessageKey } from "../lib/i18n";
import { Link, matchPath, useRouter } from "../lib/router";

/** The navigation entry a /system address belongs to, for the page title. */
export function sectionOf(path: string): MessageKey {
  if (path.startsWith("/system/system-clients")) return "platform.systemClients";
  if (path.startsWith("/system/signing-keys")) return "platform.signingKeys";
  if (path.startsWith("/system/audit")) return "nav.audit";
  if (path.startsWith("/system/operators")) return "platform.operators";
  if (path.startsWith("/system/api-clients") || /^\/system\/organizations\/[^/]+\/api-clients/.test(path)) return "nav.apiClients";
  if (path === "/account") return "nav.account";
  return "platform.organizations";
}

/** The operator's screens, composed from the system feature and the organization features they reuse. */
export function SystemRoutes({ me }: { me: { email: string; name: string } }) {
  const { t } = useI18n();
  const { path } = useRouter();
  const [secret, setSecret] = useState<{ clientId: string; secret: string } | null>(null);
  const [invitation, setInvitation] = useState<{ email: string; url: string; expiresAt: string } | null>(null);
  const org = "/system/organizations/:organizationId";
  let screen;
  let match: Record<string, string> | null;
  if (path === "/account") screen = <AccountPage me={me} />;
  else if (matchPath("/system/organizations", path) !== null) screen = <OrganizationListPage />;
  else if ((match = matchPath(`${org}/api-clients/:clientId`, path)) !== null) screen = <OrganizationClientsRoute organizationId={match.organizationId} clientId={match.clientId} />;
  else if ((match = matchPath(`${org}/api-clients`, path)) !== null) screen = <OrganizationClientsRoute organizationId={match.organizationId} clientId={null} />;
  else if ((match = matchPath(`${org}/audit`, path)) !== null) screen = <OrganizationAuditRoute organizationId={match.organizationId} />;
  else if ((match = matchPath(org, path)) !== null) screen = <OrganizationEditPage id={match.organizationId} />;
  else if (matchPath("/system/api-clients/new", path) !== null) screen = <OrganizationPickerPage />;
  else if (matchPath("/system/system-clients", path) !== null) screen = <SystemClientListPage onCreated={(result) => setSecret({ clientId: result.apiClient.clientId, secret: result.clientSecret })} />;
  else if ((match = matchPath("/system/system-clients/:id", path)) !== null) screen = <SystemClientRoute id={match.id} onSecret={setSecret} />;
  else if (matchPath("/system/signing-keys", path) !== null) screen = <SigningKeysPage />;
  else if (matchPath("/system/audit", path) !== null) screen = <PlatformAuditRoute />;
  else if (matchPath("/system/operators", path) !== null) screen = <OperatorsPage onInvited={(sent, url) => setInvitation({ email: sent.email, url, expiresAt: sent.expiresAt })} />;
  else if (path === "/system" || path === "/system/") screen = <Loading label={t("common.loading")} />;
  else screen = <p>{t("common.notFound")}</p>;
  return (
    <>
      {screen}
      {secret !== null && <SecretDialog clientId={secret.clientId} secret={secret.secret} onClose={() => setSecret(null)} />}
      {invitation !== null && <InvitationLinkDialog email={invitation.email} url={invitation.url} expiresAt={invitation.expiresAt} onClose={() => setInvitation(null)} />}
    </>
  );
}

/** An organization's API clients as its owner sees them, under /system, with the way back to the organization. */
function OrganizationClientsRoute({ organizationId, clientId }: { organizationId: string; clientId: string | null }) {
  const { t } = useI18n();
  const { data, loading, error } = useOrganization(organizationId);
  if (loading && data === undefined) return <Loading label={t("common.loading")} />;
  if (error !== undefined || data === undefined) return <ErrorBanner message={error === undefined ? t("common.notFound") : toAppError(error).message} />;
  const base = `/system/organizations/${organizationId}`;
  const back = (
    <p>
      <Link to={base}>← {data.organization.name}</Link>
    </p>
  );
  if (!data.organization.apiClientsEnabled) {
    return (
      <section aria-labelledby="clients-off-title">
        {back}
        <h1 id="clients-off-title">{t("nav.apiClients")}</h1>
        <p className="banner banner-info" role="note">
          {t("platform.clientsOffForOperator", { organization: data.organization.name })}
        </p>
      </section>
    );
  }
  if (clientId !== null) {
    return (
      <>
        {back}
        <ApiClientDetailPage organizationId={organizationId} id={clientId} canEdit basePath={`${base}/api-clients`} auditPath={`${base}/audit`} />
      </>
    );
  }
  const startCreating = new URLSearchParams(window.location.search).get("new") === "1";
  return (
    <>
      {back}
      <ApiClientListPage organizationId={organizationId} canEdit server={data.serverInfo} basePath={`${base}/api-clients`} startCreating={startCreating} />
    </>
  );
}

function OrganizationAuditRoute({ organizationId }: { organizationId: string }) {
  const { t } = useI18n();
  const { data, error } = useOrganization(organizationId);
  if (error !== undefined) return <ErrorBanner message={toAppError(error).message} />;
  if (data === undefined) return <Loading label={t("common.loading")} />;
  return (
    <>
      <p>
        <Link to={`/system/organizations/${organizationId}`}>← {data.organization.name}</Link>
      </p>
      <AuditPage organizationId={organizationId} apiClientsEnabled={data.organization.apiClientsEnabled} />
    </>
  );
}

/** A system client: its facts and permissions from the system feature, reset and delete from the API clients'. */
function SystemClientRoute({ id, onSecret }: { id: string; onSecret(shown: { clientId: string; secret: string }): void }) {
  const { t } = useI18n();
  const toast = useToast();
  const { navigate } = useRouter();
  const { data, loading, error } = useApiClient(id);
  const [open, setOpen] = useState<"reset" | "delete" | null>(null);
  if (loading && data === undefined) return <Loading label={t("common.loading")} />;
  if (error !== undefined || data === undefined) return <ErrorBanner message={error === undefined ? t("common.notFound") : toAppError(error).message} />;
  const client = data.apiClient;
  return (
    <>
      <SystemClientDetail client={client} onReset={() => setOpen("reset")} onDelete={() => setOpen("delete")} />
      {open === "reset" && <ResetSecretDialog client={client} onClose={() => setOpen(null)} onReset={(result) => { setOpen(null); if (result.clientSecret !== null) onSecret({ clientId: result.apiClient.clientId, secret: result.clientSecret }); toast(t("toast.reset")); }} />}
      {open === "delete" && <DeleteApiClientDialog client={client} onClose={() => setOpen(null)} onDeleted={() => { toast(t("toast.deleted", { name: client.name })); navigate("/system/system-clients"); }} />}
    </>
  );
}

function PlatformAuditRoute() {
  const catalog = useAuditCatalog().data?.permissionCatalog.apis ?? [];
  return <PlatformAuditPage renderEvent={(event) => <AuditEventItem key={event.id} event={event} catalog={catalog} />} />;
}
