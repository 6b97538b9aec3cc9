import { useState, type FormEvent } from "react";
import { ConfirmDialog } from "../../components/ui/confirm-dialog";
import { ErrorBanner, Loading } from "../../components/ui/error-banner";
import { FormField } from "../../components/ui/form-field";
import { useToast } from "../../components/ui/toast";
import { formatDate } from "../../lib/format";
import { fieldError, toAppError, type AppErrorInfo } from "../../lib/graphql-errors";
import { useI18n } from "../../lib/i18n";
import type { Operator, OperatorInvitation } from "./operators.graphql";
import { useOperatorInvitations, useOperatorMutations, useOperators } from "./use-operators";

interface OperatorsPageProps {
  /** The link of a new invitation, shown once by the route (the members' link dialog). */
  onInvited(invitation: OperatorInvitation, url: string): void;
}

/** Operators, the invitations not yet accepted, and an invitation form; never the last operator removed. */
export function OperatorsPage({ onInvited }: OperatorsPageProps) {
  const { t, language } = useI18n();
  const toast = useToast();
  const operators = useOperators();
  const invitations = useOperatorInvitations();
  const { invite, inviting, withdraw, withdrawing, remove, removing } = useOperatorMutations();
  const [email, setEmail] = useState("");
  const [inviteError, setInviteError] = useState<AppErrorInfo | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [removingOperator, setRemovingOperator] = useState<Operator | null>(null);
  const [withdrawingInvitation, setWithdrawingInvitation] = useState<OperatorInvitation | null>(null);
  const list = operators.data?.operators;
  const pending = invitations.data?.operatorInvitations ?? [];
  const onlyOne = list !== undefined && list.length === 1;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setInviteError(null);
    const result = await invite(email.trim());
    if ("error" in result) return setInviteError(result.error);
    setEmail("");
    const { invitation, invitationUrl } = result.data.inviteOperator;
    if (invitationUrl === null) toast(t("invitations.sent", { email: invitation.email }));
    else onInvited(invitation, invitationUrl);
  };
  const confirmRemove = async (operator: Operator) => {
    setActionError(null);
    const result = await remove(operator.id);
    setRemovingOperator(null);
    if ("error" in result) setActionError(result.error.message);
    else toast(t("platform.operatorRemoved", { email: operator.email }));
  };
  const confirmWithdraw = async (invitation: OperatorInvitation) => {
    setActionError(null);
    const result = await withdraw(invitation.id);
    setWithdrawingInvitation(null);
    if ("error" in result) setActionError(result.error.message);
    else toast(t("invitations.withdrawn", { email: invitation.email }));
  };

  return (
    <section aria-labelledby="operators-title">
      <h1 id="operators-title">{t("platform.operators")}</h1>
      <p className="hint page-intro">{t("platform.operatorsIntro")}</p>
      <ErrorBanner message={operators.error === undefined ? actionError : toAppError(operators.error).message} />
      {operators.loading && list === undefined ? (
        <Loading label={t("common.loading")} />
      ) : (
        <div className="table-scroll">
          <table className="data-table stack-table">
            <thead>
              <tr>
                <th scope="col">{t("members.name")}</th>
                <th scope="col">{t("auth.email")}</th>
                <th scope="col">{t("platform.operatorSince")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("members.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list?.map((operator) => (
                <tr key={operator.id}>
                  <td className="stack-title">
                    {operator.name}
                    {operator.isMe && <span className="hint"> ({t("platform.you")})</span>}
                  </td>
                  <td className="stack-wrap">{operator.email}</td>
                  <td>{formatDate(operator.createdAt, language)}</td>
                  <td className="stack-end">
                    <button type="button" className="button button-small button-danger" aria-label={`${t("common.remove")}: ${operator.email}`} disabled={onlyOne} aria-describedby={onlyOne ? "last-operator-reason" : undefined} onClick={() => setRemovingOperator(operator)}>
                      {t("common.remove")}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {onlyOne && (
            <p className="hint" id="last-operator-reason">
              {t("platform.lastOperatorReason")}
            </p>
          )}
        </div>
      )}
      <form className="card" onSubmit={submit} noValidate aria-labelledby="invite-operator-title">
        <h2 id="invite-operator-title">{t("platform.inviteOperator")}</h2>
        <ErrorBanner message={inviteError === null || fieldError(inviteError, "email") !== undefined ? null : inviteError.message} />
        <div className="invite-fields">
          <FormField label={t("auth.email")} type="email" value={email} onChange={(event) => setEmail(event.target.value)} error={fieldError(inviteError, "email")} required autoComplete="off" />
          <button type="submit" className="button button-primary" disabled={inviting || email.trim() === ""} aria-busy={inviting}>
            {t("platform.invite")}
          </button>
        </div>
      </form>
      <section className="card" aria-labelledby="operator-invitations-title">
        <h2 id="operator-invitations-title">{t("invitations.title")}</h2>
        {pending.length === 0 ? (
          <p className="hint">{t("invitations.none")}</p>
        ) : (
          <ul className="item-list">
            {pending.map((invitation) => (
              <li key={invitation.id} className={invitation.isExpired ? "expired" : undefined}>
                <div className="item-main">
                  <span className="item-title">{invitation.email}</span>
                  <span className="hint">{t(invitation.isExpired ? "platform.invitationMetaExpired" : "platform.invitationMeta", { who: invitation.invitedBy, date: formatDate(invitation.expiresAt, language) })}</span>
                </div>
                <button type="button" className="button button-small button-danger" aria-label={`${t("invitations.withdraw")}: ${invitation.email}`} onClick={() => setWithdrawingInvitation(invitation)}>
                  {t("invitations.withdraw")}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <ConfirmDialog
        open={removingOperator !== null}
        title={t("platform.removeOperatorTitle", { name: removingOperator?.name ?? "" })}
        confirmLabel={t("common.remove")}
        cancelLabel={t("common.cancel")}
        danger
        busy={removing}
        onConfirm={() => removingOperator !== null && void confirmRemove(removingOperator)}
        onCancel={() => setRemovingOperator(null)}
      >
        <p>{t("platform.removeOperatorBody", { name: removingOperator?.name ?? "", email: removingOperator?.email ?? "" })}</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={withdrawingInvitation !== null}
        title={t("invitations.withdrawTitle", { email: withdrawingInvitation?.email ?? "" })}
        confirmLabel={t("invitations.withdraw")}
        cancelLabel={t("common.cancel")}
        danger
        busy={withdrawing}
        onConfirm={() => withdrawingInvitation !== null && void confirmWithdraw(withdrawingInvitation)}
        onCancel={() => setWithdrawingInvitation(null)}
      >
        <p>{t("invitations.withdrawBody", { email: withdrawingInvitation?.email ?? "" })}</p>
      </ConfirmDialog>
    </section>
  );
}
