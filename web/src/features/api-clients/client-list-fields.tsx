import { StringListEditor } from "../../components/ui/string-list-editor";
import { useI18n } from "../../lib/i18n";
import { ipProblemAt, redirectProblemAt } from "./client-rules";

interface ClientListFieldsProps {
  allowedIps: string[];
  redirectUris: string[];
  onAllowedIpsChange(values: string[]): void;
  onRedirectUrisChange(values: string[]): void;
}

/** Allowed IPs and redirect URLs, validated as you type with the server's rules (create and edit). */
export function ClientListFields({ allowedIps, redirectUris, onAllowedIpsChange, onRedirectUrisChange }: ClientListFieldsProps) {
  const { t } = useI18n();
  return (
    <>
      <StringListEditor label={t("clients.allowedIps")} hint={t("clients.allowedIpsHint")} values={allowedIps} onChange={onAllowedIpsChange} problemAt={ipProblemAt} placeholder="203.0.113.0/24" addLabel={t("common.add")} removeLabel={t("common.remove")} />
      <StringListEditor label={t("clients.redirectUris")} values={redirectUris} onChange={onRedirectUrisChange} problemAt={redirectProblemAt} placeholder="https://app.example.com/callback" addLabel={t("common.add")} removeLabel={t("common.remove")} />
    </>
  );
}
