import { lazy, Suspense, useEffect } from "react";
import { ErrorBanner, Loading } from "../components/ui/error-banner";
import { AccountPage } from "../features/account/account-page";
import { LoginPage } from "../features/auth/login-page";
import { SetupPage } from "../features/auth/setup-page";
import { useMyOrganizations, useSession } from "../features/auth/use-session";
import { useIsOperator } from "../features/system/use-platform";
import { toAppError } from "../lib/graphql-errors";
import { useI18n } from "../lib/i18n";
import { matchPath, useRouter } from "../lib/router";
import { InvitationRoute } from "./invitation-route";
import { NoOrganization } from "./no-organization";
import { OrganizationLayout } from "./organization-layout";
import { PublicLayout } from "./public-layout";
import { SystemNotAvailable } from "./system-not-available";
import { useDocumentTitle } from "./use-document-title";

// The operator console is its own chunk: members never download it.
const SystemLayout = lazy(() => import("./system-layout"));

/** First run, sign-in, or the signed-in app; the URL decides the screen. */
export function App() {
  const { t, language } = useI18n();
  const { path, navigate } = useRouter();
  const session = useSession();
  const signedIn = session.data?.me != null;
  const organizations = useMyOrganizations(!signedIn);
  const firstOrganization = organizations.data?.myOrganizations[0]?.id;
  const isAccount = matchPath("/account", path) !== null;
  // The account screen keeps the header of the first organization.
  const organizationId = isAccount ? firstOrganization : /^\/organization\/([^/]+)/.exec(path)?.[1];
  const invitationToken = matchPath("/invitation/:token", path)?.token;
  const isSystem = path === "/system" || path.startsWith("/system/");
  const operator = useIsOperator(!signedIn);
  const memberOfNone = organizations.data !== undefined && organizations.data.myOrganizations.length === 0;

  const publicTitle = invitationToken !== undefined ? t("app.invitationTitle") : session.data?.setupRequired === true ? t("setup.title") : session.data !== undefined && !signedIn ? t("auth.signIn") : undefined;
  useDocumentTitle(publicTitle === undefined ? null : [publicTitle]);
  // The page's language follows the chosen one from the first render, not only after a switch.
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  useEffect(() => {
    if (!signedIn || organizationId !== undefined || invitationToken !== undefined || isSystem) return;
    if (firstOrganization !== undefined) navigate(`/organization/${firstOrganization}`, { replace: true });
    // An operator who is a member of nothing starts at the console.
    else if (memberOfNone && operator.isOperator && !isAccount) navigate("/system/organizations", { replace: true });
  }, [signedIn, organizationId, invitationToken, firstOrganization, isSystem, memberOfNone, operator.isOperator, isAccount, navigate]);

  if (session.loading && session.data === undefined) return <Loading label={t("common.loading")} />;
  if (session.error !== undefined) return <PublicLayout><ErrorBanner message={toAppError(session.error).message} /></PublicLayout>;
  const refresh = () => void session.refetch();
  // Public: whoever holds an invitation link, signed in or not.
  if (invitationToken !== undefined) return <PublicLayout><InvitationRoute token={invitationToken} me={session.data?.me ?? null} onSessionChanged={refresh} /></PublicLayout>;
  if (session.data?.setupRequired === true) return <PublicLayout><SetupPage onDone={(id) => { navigate(`/organization/${id}`, { replace: true }); refresh(); }} /></PublicLayout>;
  if (!signedIn) return <PublicLayout><LoginPage onSignedIn={refresh} /></PublicLayout>;
  const me = session.data?.me ?? null;
  if (isSystem || (isAccount && memberOfNone && operator.isOperator)) {
    if (operator.loading || organizations.data === undefined || me === null) return <Loading label={t("common.loading")} />;
    if (!operator.isOperator) return <PublicLayout><SystemNotAvailable /></PublicLayout>;
    return (
      <Suspense fallback={<Loading label={t("common.loading")} />}>
        <SystemLayout me={me} firstOrganizationId={firstOrganization} onSignedOut={refresh} />
      </Suspense>
    );
  }
  if (memberOfNone) {
    if (operator.loading || operator.isOperator) return <Loading label={t("common.loading")} />;
    return <PublicLayout><NoOrganization onSignedOut={refresh} /></PublicLayout>;
  }
  if (organizationId === undefined || organizations.data === undefined) return <Loading label={t("common.loading")} />;
  return (
    <OrganizationLayout organizationId={organizationId} organizations={organizations.data.myOrganizations} me={me} isOperator={operator.isOperator} onSignedOut={refresh}>
      {isAccount && me !== null ? <AccountPage me={me} /> : undefined}
    </OrganizationLayout>
  );
}
