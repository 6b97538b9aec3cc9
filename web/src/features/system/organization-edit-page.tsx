import { ErrorBanner, Loading } from "../../components/ui/error-banner";
import { CopyField } from "../../components/ui/copy-field";
import { useToast } from "../../components/ui/toast";
import { formatDate } from "../../lib/format";
import { toAppError } from "../../lib/graphql-errors";
import { useI18n } from "../../lib/i18n";
import { Link } from "../../lib/router";
import { OrganizationForm } from "./organization-form";
import { draftOf } from "./organization-settings";
import { useOrganizationMutations, usePlatformOrganization } from "./use-platform-organizations";

/** One organization's settings, with the ways to its API clients and audit trail. */
export function OrganizationEditPage({ id }: { id: string }) {
  const { t, language } = useI18n();
  const toast = useToast();
  const { data, loading, error } = usePlatformOrganization(id);
  const { update, busy } = useOrganizationMutations();
  if (loading && data === undefined) return <Loading label={t("common.loading")} />;
  if (error !== undefined || data === undefined) return <ErrorBanner message={error === undefined ? t("common.notFound") : toAppError(error).message} />;
  const organization = data.organization;
  const base = `/system/organizations/${organization.id}`;
  return (
    <section aria-labelledby="org-title">
      <p>
        <Link to="/system/organizations">← {t("platform.organizations")}</Link>
      </p>
      <h1 id="org-title" className="client-title">{organization.name}</h1>
      <div className="card">
        <CopyField label={t("overview.organizationId")} value={organization.id} copyLabel={t("common.copy")} copiedLabel={t("common.copied")} />
        <dl className="facts">
          <dt>{t("platform.slug")}</dt>
          <dd className="mono">{organization.slug}</dd>
          <dt>{t("platform.created")}</dt>
          <dd>{formatDate(organization.createdAt, language)}</dd>
          <dt>{t("platform.clientsUsed")}</dt>
          <dd>{t("platform.clientsOfLimit", { used: organization.apiClientCount, max: organization.limits.maxApiClients })}</dd>
        </dl>
        <p className="link-row">
          <Link to={`${base}/api-clients`}>{t("nav.apiClients")}</Link>
          <Link to={`${base}/audit`}>{t("nav.audit")}</Link>
        </p>
      </div>
      <div className="card">
        <h2>{t("platform.settings")}</h2>
        <OrganizationForm
          key={organization.id}
          initial={draftOf(organization)}
          busy={busy}
          submitLabel={t("common.save")}
          onSubmit={async (settings) => {
            const result = await update(organization.id, settings);
            if ("error" in result) return result.error;
            toast(t("toast.saved"));
            return null;
          }}
        />
      </div>
    </section>
  );
}
