import { useAuthActions } from "../features/auth/use-session";
import { useI18n } from "../lib/i18n";

/** Signed in but a member of nothing (removed, say): say why, and offer the way out. */
export function NoOrganization({ onSignedOut }: { onSignedOut(): void }) {
  const { t } = useI18n();
  const { logout } = useAuthActions();
  return (
    <div className="card auth-card">
      <h1>{t("app.noOrganizationsTitle")}</h1>
      <p>{t("app.noOrganizations")}</p>
      <button
        type="button"
        className="button"
        onClick={async () => {
          await logout();
          onSignedOut();
        }}
      >
        {t("auth.signOut")}
      </button>
    </div>
  );
}
