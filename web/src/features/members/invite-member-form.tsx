import { useState, type FormEvent } from "react";
import { ErrorBanner } from "../../components/ui/error-banner";
import { FormField } from "../../components/ui/form-field";
import { useToast } from "../../components/ui/toast";
import { fieldError, type AppErrorInfo } from "../../lib/graphql-errors";
import { useI18n } from "../../lib/i18n";
import { InvitationLinkDialog } from "./invitation-link-dialog";
import type { MemberRole } from "./members.graphql";
import { useInvitationMutations } from "./use-invitations";

/** Owners invite by e-mail; the link is shown once, to pass on. */
export function InviteMemberForm({ organizationId }: { organizationId: string }) {
  const { t } = useI18n();
  const toast = useToast();
  const { invite, inviting } = useInvitationMutations(organizationId);
  const [form, setForm] = useState({ email: "", role: "VIEWER" as MemberRole });
  const [error, setError] = useState<AppErrorInfo | null>(null);
  const [link, setLink] = useState<{ email: string; url: string; expiresAt: string } | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const result = await invite(form);
    if ("error" in result) return setError(result.error);
    const { invitation, invitationUrl } = result.data.inviteMember;
    if (invitationUrl === null) toast(t("invitations.sent", { email: invitation.email }));
    else setLink({ email: invitation.email, url: invitationUrl, expiresAt: invitation.expiresAt });
    setForm({ email: "", role: "VIEWER" });
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="invite-title">
      <h2 id="invite-title">{t("members.invite")}</h2>
      <p className="hint">{t("members.inviteHint")}</p>
      <ErrorBanner message={error !== null && error.fields.length === 0 ? error.message : null} />
      <div className="invite-fields">
        <FormField label={t("auth.email")} type="email" required value={form.email} onChange={(event) => setForm({ ...form, email: event.target.value })} error={fieldError(error, "email")} />
        <div className="field">
          <label htmlFor="invite-role">{t("members.role")}</label>
          <select id="invite-role" value={form.role} onChange={(event) => setForm({ ...form, role: event.target.value as MemberRole })}>
            <option value="VIEWER">{t("role.viewer")}</option>
            <option value="OWNER">{t("role.owner")}</option>
          </select>
        </div>
        <button type="submit" className="button button-primary" disabled={inviting} aria-busy={inviting}>
          {t("members.invite")}
        </button>
      </div>
      {link !== null && <InvitationLinkDialog email={link.email} url={link.url} expiresAt={link.expiresAt} onClose={() => setLink(null)} />}
    </form>
  );
}
