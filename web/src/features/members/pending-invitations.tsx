import { useState } from "react";
import { ConfirmDialog } from "../../components/ui/confirm-dialog";
import { ErrorBanner, Loading } from "../../components/ui/error-banner";
import { useToast } from "../../components/ui/toast";
import { formatDate } from "../../lib/format";
import { toAppError } from "../../lib/graphql-errors";
import { useI18n } from "../../lib/i18n";
import type { Invitation } from "./invitations.graphql";
import { useInvitationMutations, useInvitations } from "./use-invitations";

/** Owners only: invitations not yet accepted, with Withdraw behind a confirmation. */
export function PendingInvitations({ organizationId }: { organizationId: string }) {
  const { t, language } = useI18n();
  const toast = useToast();
  const { data, loading, error } = useInvitations(organizationId);
  const { withdraw, withdrawing } = useInvitationMutations(organizationId);
  const [confirming, setConfirming] = useState<Invitation | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const confirm = async (invitation: Invitation) => {
    setActionError(null);
    const result = await withdraw(invitation.id);
    setConfirming(null);
    if ("error" in result) setActionError(result.error.message);
    else toast(t("invitations.withdrawn", { email: invitation.email }));
  };
  const invitations = data?.invitations ?? [];
  return (
    <section className="card" aria-labelledby="invitations-title">
      <h2 id="invitations-title">{t("invitations.title")}</h2>
      <ErrorBanner message={error === undefined ? actionError : toAppError(error).message} />
      {loading && data === undefined ? (
        <Loading label={t("common.loading")} />
      ) : invitations.length === 0 ? (
        <p className="hint">{t("invitations.none")}</p>
      ) : (
        <ul className="item-list">
          {invitations.map((invitation) => {
            const values = { role: invitation.role === "OWNER" ? t("role.owner") : t("role.viewer"), who: invitation.invitedBy, date: formatDate(invitation.expiresAt, language) };
            return (
              <li key={invitation.id} className={invitation.isExpired ? "expired" : undefined}>
                <div className="item-main">
                  <span className="item-title">{invitation.email}</span>
                  <span className="hint">{t(invitation.isExpired ? "invitations.metaExpired" : "invitations.meta", values)}</span>
                </div>
                <button type="button" className="button button-small button-danger" aria-label={`${t("invitations.withdraw")}: ${invitation.email}`} onClick={() => setConfirming(invitation)}>
                  {t("invitations.withdraw")}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <ConfirmDialog
        open={confirming !== null}
        title={t("invitations.withdrawTitle", { email: confirming?.email ?? "" })}
        confirmLabel={t("invitations.withdraw")}
        cancelLabel={t("common.cancel")}
        danger
        busy={withdrawing}
        onConfirm={() => confirming !== null && void confirm(confirming)}
        onCancel={() => setConfirming(null)}
      >
        <p>{t("invitations.withdrawBody", { email: confirming?.email ?? "" })}</p>
      </ConfirmDialog>
    </section>
  );
}
