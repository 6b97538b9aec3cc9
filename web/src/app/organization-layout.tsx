import { useEffect, useRef, type ReactNode } from "react";
import { ErrorBanner, Loading } from "../components/ui/error-banner";
import { useAuthActions } from "../features/auth/use-session";
import type { SessionOrganization } from "../features/auth/auth.graphql";
import { useOrganization } from "../features/organizations/use-organization";
import { toAppError } from "../lib/graphql-errors";
import { useI18n } from "../lib/i18n";
import { Link, useRouter } from "../lib/router";
import { LanguageSelect } from "./language-select";
import { useDocumentTitle } from "./use-document-title";
import { OrganizationRoutes } from "./organization-routes";

interface LayoutProps {
  organizationId: string;
  organizations: SessionOrganization[];
  me: { email: string; name: string } | null;
  /** Shows the way to the operator console. */
  isOperator?: boolean;
  onSignedOut(): void;
  /** A screen outside the organization (the account screen) shown under the same header. */
  children?: ReactNode;
}

export function OrganizationLayout({ organizationId, organizations, me, isOperator = false, onSignedOut, children }: LayoutProps) {
  const { t } = useI18n();
  const { navigate, path } = useRouter();
  const { logout } = useAuthActions();
  const { data, loading, error } = useOrganization(organizationId);
  const base = `/organization/${organizationId}`;
  const section = children !== undefined ? t("nav.account") : path.startsWith(`${base}/api-clients`) ? t("nav.apiClients") : path.startsWith(`${base}/audit`) ? t("nav.audit") : path.startsWith(`${base}/members`) ? t("nav.members") : t("nav.overview");
  // After a move to another screen, focus starts at its content, as after a page load, and a
  // screen reader reads the new screen rather than staying on the link that was followed.
  const shownPath = useRef(path);
  useEffect(() => {
    if (shownPath.current === path) return;
    shownPath.current = path;
    document.getElementById("content")?.focus({ preventScroll: true });
  }, [path]);
  useDocumentTitle([section, children !== undefined ? undefined : data?.organization.name]);
  return (
    <div className="shell">
      <a className="skip-link" href="#content">
        {t("app.skipToContent")}
      </a>
      <header className="topbar">
        <Link to={base} className="brand">
          Clavis
        </Link>
        {organizations.length > 1 && (
          <div className="switcher">
            <select aria-label={t("app.switchOrganization")} value={organizationId} onChange={(event) => navigate(`/organization/${event.target.value}`)}>
              {organizations.map((organization) => (
                <option key={organization.id} value={organization.id}>
                  {organization.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <nav aria-label={t("app.mainNavigation")}>
          <Link to={base}>{t("nav.overview")}</Link>
          <Link to={`${base}/api-clients`}>{t("nav.apiClients")}</Link>
          <Link to={`${base}/audit`}>{t("nav.audit")}</Link>
          <Link to={`${base}/members`}>{t("nav.members")}</Link>
          {isOperator && <Link to="/system/organizations">{t("nav.platform")}</Link>}
        </nav>
        <div className="topbar-end">
          <LanguageSelect />
          <span className="who" title={me?.email}>{me?.name}</span>
          <Link to="/account">{t("nav.account")}</Link>
          <button type="button" className="button button-small" onClick={async () => { await logout(); navigate("/", { replace: true }); onSignedOut(); }}>
            {t("auth.signOut")}
          </button>
        </div>
      </header>
      <main className="content" id="content" tabIndex={-1}>
        {children === undefined && data !== undefined && data.organization.myRole !== "OWNER" && (
          <p className="banner banner-info" role="note">
            <strong>{t("app.readOnly")}:</strong> {t("app.readOnlyBody", { organization: data.organization.name })}
          </p>
        )}
        {children !== undefined ? (
          children
        ) : error !== undefined ? (
          <ErrorBanner message={toAppError(error).message} />
        ) : loading && data === undefined ? (
          <Loading label={t("common.loading")} />
        ) : data === undefined ? null : (
          <OrganizationRoutes organization={data.organization} serverInfo={data.serverInfo} />
        )}
      </main>
    </div>
  );
}
