import { useState } from "react";
import { ConfirmDialog } from "../../components/ui/confirm-dialog";
import { ErrorBanner, Loading } from "../../components/ui/error-banner";
import { useToast } from "../../components/ui/toast";
import { toAppError, type AppErrorInfo } from "../../lib/graphql-errors";
import { useI18n } from "../../lib/i18n";
import { InviteMemberForm } from "./invite-member-form";
import type { Member, MemberRole } from "./members.graphql";
import { PendingInvitations } from "./pending-invitations";
import { useMemberMutations, useMembers } from "./use-members";

interface MembersPageProps {
  organizationId: string;
  organizationName: string;
  canEdit: boolean;
}

/** The members table becomes stacked rows on a phone (styles.css, `.stack-table`). */
export function MembersPage({ organizationId, organizationName, canEdit }: MembersPageProps) {
  const { t } = useI18n();
  const toast = useToast();
  const { data, loading, error } = useMembers(organizationId);
  const { updateRole, remove, removing } = useMemberMutations(organizationId);
  const [rowError, setRowError] = useState<string | null>(null);
  const [removingMember, setRemovingMember] = useState<Member | null>(null);
  const act = async (run: () => Promise<{ error: AppErrorInfo } | { data: unknown }>, done: string) => {
    setRowError(null);
    const result = await run();
    if ("error" in result) setRowError(result.error.message);
    else toast(done);
  };
  const confirmRemove = async (member: Member) => {
    await act(() => remove(member.userId), t("toast.memberRemoved", { email: member.email }));
    setRemovingMember(null);
  };
  const roleName = (role: MemberRole) => (role === "OWNER" ? t("role.owner") : t("role.viewer"));
  return (
    <section aria-labelledby="members-title">
      <h1 id="members-title">{t("nav.members")}</h1>
      <ErrorBanner message={error === undefined ? rowError : toAppError(error).message} />
      {loading && data === undefined ? (
        <Loading label={t("common.loading")} />
      ) : (
        <div className="table-scroll">
          <table className="data-table stack-table">
            <thead>
              <tr>
                <th scope="col">{t("members.name")}</th>
                <th scope="col">{t("auth.email")}</th>
                <th scope="col">{t("members.role")}</th>
                {canEdit && <th scope="col"><span className="visually-hidden">{t("members.actions")}</span></th>}
              </tr>
            </thead>
            <tbody>
              {data?.members.map((member) => (
                <tr key={member.userId}>
                  <td className="stack-title">{member.name}</td>
                  <td className="stack-wrap">{member.email}</td>
                  <td>
                    {canEdit ? (
                      <select aria-label={`${t("members.role")}: ${member.email}`} value={member.role} onChange={(event) => act(() => updateRole(member.userId, event.target.value as MemberRole), t("toast.saved"))}>
                        <option value="OWNER">{t("role.owner")}</option>
                        <option value="VIEWER">{t("role.viewer")}</option>
                      </select>
                    ) : (
                      roleName(member.role)
                    )}
                  </td>
                  {canEdit && (
                    <td className="stack-end">
                      <button type="button" className="button button-small button-danger" aria-label={`${t("common.remove")}: ${member.email}`} onClick={() => setRemovingMember(member)}>
                        {t("common.remove")}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canEdit && (
        <>
          <InviteMemberForm organizationId={organizationId} />
          <PendingInvitations organizationId={organizationId} />
          <ConfirmDialog
            open={removingMember !== null}
            title={t("members.removeTitle", { name: removingMember?.name ?? "" })}
            confirmLabel={t("common.remove")}
            cancelLabel={t("common.cancel")}
            danger
            busy={removing}
            onConfirm={() => removingMember !== null && void confirmRemove(removingMember)}
            onCancel={() => setRemovingMember(null)}
          >
            <p>{t("members.removeBody", { name: removingMember?.name ?? "", email: removingMember?.email ?? "", organization: organizationName })}</p>
          </ConfirmDialog>
        </>
      )}
    </section>
  );
}
