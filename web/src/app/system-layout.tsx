import { useEffect, useRef } from "react";
import { useAuthActions } from "../features/auth/use-session";
import { useI18n } from "../lib/i18n";
import { Link, useRouter } from "../lib/router";
import { LanguageSelect } from "./language-select";
import { sectionOf, SystemRoutes } from "./system-routes";
import { useDocumentTitle } from "./use-document-title";

interface SystemLayoutProps {
  me: { email: string; name: string };
  /** The operator's first organization, when they are a member too: the way back to it. */
  firstOrganizationId: string | undefined;
  onSignedOut(): void;
}

/**
 * The operator console's shell: the organization screens' look, with the platform's navigation
 * (one line at 1280 px, so the user's name is left to the account screen). Loaded lazily.
 */
export default function SystemLayout({ me, firstOrganizationId, onSignedOut }: SystemLayoutProps) {
  const { t } = useI18n();
  const { navigate, path } = useRouter();
  const { logout } = useAuthActions();
  const shownPath = useRef(path);
  useEffect(() => {
    if (shownPath.current === path) return;
    shownPath.current = path;
    document.getElementById("content")?.focus({ preventScroll: true });
  }, [path]);
  useEffect(() => {
    if (path === "/system" || path === "/system/") navigate("/system/organizations", { replace: true });
  }, [path, navigate]);
  useDocumentTitle([t(sectionOf(path)), t("nav.platform")]);
  const navLink = (to: string, label: string) => (
    <Link to={to} aria-current={path === to || path.startsWith(`${to}/`) ? "page" : undefined}>
      {label}
    </Link>
  );
  return (
    <div className="shell">
      <a className="skip-link" href="#content">
        {t("app.skipToContent")}
      </a>
      <header className="topbar">
        <Link to="/system/organizations" className="brand">
          Clavis
        </Link>
        <span className="platform-badge">{t("nav.platform")}</span>
        <nav aria-label={t("app.mainNavigation")}>
          {navLink("/system/organizations", t("platform.organizations"))}
          {navLink("/system/system-clients", t("platform.systemClients"))}
          {navLink("/system/signing-keys", t("platform.signingKeys"))}
          {navLink("/system/audit", t("nav.audit"))}
          {navLink("/system/operators", t("platform.operators"))}
          {firstOrganizationId !== undefined && <Link to={`/organization/${firstOrganizationId}`}>{t("platform.myOrganizations")}</Link>}
        </nav>
        <div className="topbar-end">
          <LanguageSelect />
          <Link to="/account">{t("nav.account")}</Link>
          <button type="button" className="button button-small" onClick={async () => { await logout(); navigate("/", { replace: true }); onSignedOut(); }}>
            {t("auth.signOut")}
          </button>
        </div>
      </header>
      <main className="content" id="content" tabIndex={-1}>
        <SystemRoutes me={me} />
      </main>
    </div>
  );
}
