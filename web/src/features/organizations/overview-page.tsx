import { CopyField } from "../../components/ui/copy-field";
import { useI18n, type Language } from "../../lib/i18n";
import type { OrganizationDetails, ServerInfo } from "./organizations.graphql";

const UNITS = [
  { unit: "day", seconds: 86_400 },
  { unit: "hour", seconds: 3_600 },
  { unit: "minute", seconds: 60 },
] as const;

/** 3600 → "1 hour" / "1 timme": the largest whole unit, in the language's own words. */
function wholeUnits(seconds: number, language: Language): string | null {
  const fit = UNITS.find((candidate) => seconds > 0 && seconds % candidate.seconds === 0);
  if (fit === undefined) return null;
  return new Intl.NumberFormat(language === "sv" ? "sv-SE" : "en-GB", { style: "unit", unit: fit.unit, unitDisplay: "long" }).format(seconds / fit.seconds);
}

export function OverviewPage({ organization, serverInfo }: { organization: OrganizationDetails; serverInfo: ServerInfo }) {
  const { t, language } = useI18n();
  const { limits } = organization;
  return (
    <section aria-labelledby="overview-title">
      <h1 id="overview-title">{t("overview.title")}</h1>
      <div className="card">
        <h2>{organization.name}</h2>
        <CopyField label={t("overview.organizationId")} value={organization.id} copyLabel={t("common.copy")} copiedLabel={t("common.copied")} />
        <p className="hint">{t("overview.tenantHint", { header: serverInfo.tenantHeader })}</p>
      </div>
      <div className="card">
        <h2>{t("overview.limits")}</h2>
        <dl className="facts">
          <dt>{t("nav.apiClients")}</dt>
          <dd>{t("overview.clientsInUse", { used: organization.apiClientCount, max: limits.maxApiClients })}</dd>
          <dt>{t("overview.tokensPerClient")}</dt>
          <dd>{limits.maxTokensPerClient}</dd>
          <dt>{t("overview.tokenLifetime")}</dt>
          <dd>{wholeUnits(limits.accessTokenTtlSeconds, language) ?? t("overview.seconds", { seconds: limits.accessTokenTtlSeconds })}</dd>
          <dt>{t("overview.yourRole")}</dt>
          <dd>{organization.myRole === "OWNER" ? t("role.owner") : t("role.viewer")}</dd>
        </dl>
      </div>
    </section>
  );
}

/** Shown instead of API client screens while an operator has them switched off. */
export function ApiClientsOffNotice() {
  const { t } = useI18n();
  return (
    <div className="banner banner-warning" role="status">
      <strong>{t("off.title")}</strong> {t("off.body")}
    </div>
  );
}
