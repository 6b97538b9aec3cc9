import { useEffect } from "react";
import { ErrorBanner, Loading } from "../components/ui/error-banner";
import { AccountPage } from "../features/account/account-page";
import { LoginPage } from "../features/auth/login-page";
import { SetupPage } from "../features/auth/setup-page";
import { useMyOrganizations, useSession } from "../features/auth/use-session";
import { toAppError } from "../lib/graphql-errors";
import { useI18n } from "../lib/i18n";
import { matchPath, useRouter } from "../lib/router";
import { InvitationRoute } from "./invitation-route";
import { OrganizationLayout } from "./organization-layout";

/** First run, sign-in, or the signed-in app; the URL decides the screen. */
export function App() {
  const { t } = useI18n();
  const { path, navigate } = useRouter();
  const session = useSession();
  const signedIn = session.data?.me != null;
  const organizations = useMyOrganizations(!signedIn);
  const firstOrganization = organizations.data?.myOrganizations[0]?.id;
  const isAccount = matchPath("/account", path) !== null;
  // The account screen keeps the header of the first organization.
  const organizationId = isAccount ? firstOrganization : /^\/organization\/([^/]+)/.exec(path)?.[1];
  const invitationToken = matchPath("/invitation/:token", path)?.token;

  useEffect(() => {
    if (signedIn && organizationId === undefined && invitationToken === undefined && firstOrganization !== undefined) navigate(`/organization/${firstOrganization}`, { replace: true });
  }, [signedIn, organizationId, invitationToken, firstOrganization, navigate]);

  if (session.loading && session.data === undefined) return <Loading label={t("common.loading")} />;
  if (session.error !== undefined) return <main className="auth-page"><ErrorBanner message={toAppError(session.error).message} /></main>;
  const refresh = () => void session.refetch();
  // Public: whoever holds an invitation link, signed in or not.
  if (invitationToken !== undefined) return <InvitationRoute token={invitationToken} me={session.data?.me ?? null} onSessionChanged={refresh} />;
  if (session.data?.setupRequired === true) return <SetupPage onDone={(id) => { navigate(`/organization/${id}`, { replace: true }); refresh(); }} />;
  if (!signedIn) return <LoginPage onSignedIn={refresh} />;
  if (organizations.data !== undefined && organizations.data.myOrganizations.length === 0) {
    return <main className="auth-page"><div className="card">{t("app.noOrganizations")}</div></main>;
  }
  if (organizationId === undefined || organizations.data === undefined) return <Loading label={t("common.loading")} />;
  const me = session.data?.me ?? null;
  return (
    <OrganizationLayout organizationId={organizationId} organizations={organizations.data.myOrganizations} me={me} onSignedOut={refresh}>
      {isAccount && me !== null ? <AccountPage me={me} /> : undefined}
    </OrganizationLayout>
  );
}
