import { useI18n } from "../lib/i18n";
import { Link } from "../lib/router";

/** A signed-in user who is no operator, at a /system address: say so, and offer the way back. */
export function SystemNotAvailable() {
  const { t } = useI18n();
  return (
    <div className="card auth-card">
      <h1>{t("platform.notAvailableTitle")}</h1>
      <p>{t("platform.notAvailableBody")}</p>
      <Link className="button button-primary" to="/">
        {t("platform.backToOrganizations")}
      </Link>
    </div>
  );
}
