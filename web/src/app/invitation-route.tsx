import { useState } from "react";
import { LoginPage } from "../features/auth/login-page";
import { useAuthActions } from "../features/auth/use-session";
import { AcceptInvitationPage } from "../features/members/accept-invitation-page";
import { useI18n } from "../lib/i18n";
import { useRouter } from "../lib/router";

interface InvitationRouteProps {
  token: string;
  me: { email: string } | null;
  onSessionChanged(): void;
}

/** /invitation/<token>: the invitation, with a detour through sign-in that comes back here. */
export function InvitationRoute({ token, me, onSessionChanged }: InvitationRouteProps) {
  const { t } = useI18n();
  const { navigate } = useRouter();
  const { logout } = useAuthActions();
  const [signInAs, setSignInAs] = useState<string | null>(null);
  if (signInAs !== null && me === null) {
    return (
      <LoginPage initialEmail={signInAs} onSignedIn={() => { setSignInAs(null); onSessionChanged(); }}>
        <button type="button" className="button button-link" onClick={() => setSignInAs(null)}>
          {t("accept.backToInvitation")}
        </button>
      </LoginPage>
    );
  }
  return (
    <AcceptInvitationPage
      token={token}
      me={me}
      onSignIn={setSignInAs}
      onSignOut={async () => {
        await logout();
        onSessionChanged();
      }}
      onAccepted={(organizationId) => navigate(organizationId === null ? "/system/organizations" : `/organization/${organizationId}`, { replace: true })}
    />
  );
}
