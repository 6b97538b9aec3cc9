import { useI18n } from "../../lib/i18n";
import type { ClientAuthMethod } from "./secretless-rules";

/** RFC 7523 §2.2: the one value of client_assertion_type both secretless methods send. */
export const CLIENT_ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

/** What an integration sends to the token endpoint for this method, in two sentences and a pointer to the docs. */
export function HowItAuthenticates({ method }: { method: ClientAuthMethod }) {
  const { t } = useI18n();
  if (method === "CLIENT_SECRET") return <p className="hint">{t("clientAuth.howSecret")}</p>;
  return (
    <div className="how-it-authenticates">
      <p>{method === "PRIVATE_KEY_JWT" ? t("clientAuth.howKey", { type: CLIENT_ASSERTION_TYPE }) : t("clientAuth.howFederated", { type: CLIENT_ASSERTION_TYPE })}</p>
      <p className="hint">{t("clientAuth.howDocs")}</p>
    </div>
  );
}
