import { CopyField } from "../../components/ui/copy-field";
import { useI18n } from "../../lib/i18n";
import { formatDuration } from "./format-duration";

interface TokenEndpointPanelProps {
  tokenEndpoint: string;
  issuer: string;
  tenantHeader: string;
  /** How long an access token lasts, once the organization is loaded. */
  tokenLifetimeSeconds?: number;
}

/** Where integrations get tokens, with a curl example ready to copy. */
export function TokenEndpointPanel({ tokenEndpoint, issuer, tenantHeader, tokenLifetimeSeconds }: TokenEndpointPanelProps) {
  const { t } = useI18n();
  const curl = `curl -s ${tokenEndpoint} -u "$CLIENT_ID:$CLIENT_SECRET" -d grant_type=client_credentials`;
  return (
    <section className="card" aria-labelledby="token-panel-title">
      <h2 id="token-panel-title">{t("token.title")}</h2>
      <CopyField label={t("token.url")} value={tokenEndpoint} copyLabel={t("common.copy")} copiedLabel={t("common.copied")} />
      <CopyField label={t("token.issuer")} value={issuer} copyLabel={t("common.copy")} copiedLabel={t("common.copied")} />
      <CopyField label={t("token.curl")} value={curl} copyLabel={t("common.copy")} copiedLabel={t("common.copied")} />
      <p className="hint">{t("token.hint", { header: tenantHeader })}</p>
      {tokenLifetimeSeconds !== undefined && <p className="hint">{t("token.lifetime", { duration: formatDuration(tokenLifetimeSeconds, t) })}</p>}
    </section>
  );
}
