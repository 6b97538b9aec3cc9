import { useState } from "react";
import { ErrorBanner, Loading } from "../../components/ui/error-banner";
import { formatDate } from "../../lib/format";
import { toAppError, type AppErrorInfo } from "../../lib/graphql-errors";
import { useI18n } from "../../lib/i18n";
import { CreateAccountForm } from "./create-account-form";
import type { AcceptInvitationVariables } from "./invitations.graphql";
import { useAcceptInvitation, useInvitationPreview } from "./use-invitations";

interface AcceptInvitationPageProps {
  token: string;
  me: { email: string } | null;
  onSignIn(email: string): void;
  onSignOut(): Promise<void>;
  /** Null: the invitation made the user an operator. */
  onAccepted(organizationId: string | null): void;
}

/** Public: what the link invites to, and the way in for whoever holds it. */
export function AcceptInvitationPage({ token, me, onSignIn, onSignOut, onAccepted }: AcceptInvitationPageProps) {
  const { t, language } = useI18n();
  const preview = useInvitationPreview(token);
  const { accept, busy, reloadSession } = useAcceptInvitation();
  const [joining, setJoining] = useState(false);
  const [error, setError] = useState<AppErrorInfo | null>(null);

  const join = async (variables: AcceptInvitationVariables) => {
    setError(null);
    const result = await accept(variables);
    if ("error" in result) return setError(result.error);
    setJoining(true);
    await reloadSession();
    onAccepted(result.data.acceptInvitation.organization?.id ?? null);
  };
  const signOut = async () => {
    setError(null);
    await onSignOut();
    await preview.refetch();
  };

  if (joining || (preview.loading && preview.data === undefined)) return <Loading label={t("common.loading")} />;
  if (preview.error !== undefined || preview.data === undefined) {
    const notFound = preview.error === undefined || toAppError(preview.error).code === "NOT_FOUND";
    return (
      <div className="card auth-card">
        <h1>{t("accept.invalidTitle")}</h1>
        {notFound ? <p>{t("accept.invalidBody")}</p> : <ErrorBanner message={toAppError(preview.error).message} />}
      </div>
    );
  }
  const invitation = preview.data.invitation;
  const role = invitation.forOperator ? t("accept.operatorRole") : invitation.role === "OWNER" ? t("role.owner") : t("role.viewer");
  const isInvitee = me !== null && me.email.toLowerCase() === invitation.email;
  return (
    <div className="card auth-card">
      <h1>{invitation.forOperator ? t("accept.operatorTitle") : t("accept.title", { organization: invitation.organizationName })}</h1>
      {invitation.forOperator && <p>{t("accept.operatorBody")}</p>}
      <dl className="facts">
        <dt>{t("auth.email")}</dt>
        <dd>{invitation.email}</dd>
        <dt>{t("members.role")}</dt>
        <dd>{role}</dd>
        <dt>{t("invitations.expires")}</dt>
        <dd>{formatDate(invitation.expiresAt, language)}</dd>
      </dl>
      <ErrorBanner message={error !== null && error.fields.length === 0 ? error.message : null} />
      {isInvitee ? (
        <button type="button" className="button button-primary" disabled={busy} aria-busy={busy} onClick={() => void join({ token })}>
          {t("accept.accept")}
        </button>
      ) : me !== null ? (
        <>
          <p className="banner banner-warning">{t("accept.wrongUser", { signedIn: me.email, invited: invitation.email })}</p>
          <button type="button" className="button" onClick={() => void signOut()}>
            {t("auth.signOut")}
          </button>
        </>
      ) : (
        <>
          <section className="accept-option" aria-labelledby="accept-sign-in">
            <h2 id="accept-sign-in">{t("accept.haveAccount")}</h2>
            <button type="button" className="button" onClick={() => onSignIn(invitation.email)}>
              {t("accept.signInToAccept")}
            </button>
          </section>
          <CreateAccountForm busy={busy} error={error} onSubmit={(account) => void join({ token, ...account })} />
        </>
      )}
    </div>
  );
}
