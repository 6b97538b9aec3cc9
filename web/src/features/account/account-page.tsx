import { useState, type FormEvent } from "react";
import { ErrorBanner } from "../../components/ui/error-banner";
import { FormField } from "../../components/ui/form-field";
import { useToast } from "../../components/ui/toast";
import { fieldError, type AppErrorInfo } from "../../lib/graphql-errors";
import { useI18n } from "../../lib/i18n";
import { useAccountActions } from "./use-account";

const EMPTY = { currentPassword: "", newPassword: "", repeated: "" };

/** The signed-in user's own account: a new password, and signing out other sessions. */
export function AccountPage({ me }: { me: { name: string; email: string } }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="account-title">
      <h1 id="account-title">{t("account.title")}</h1>
      <p>{t("account.signedInAs", { name: me.name, email: me.email })}</p>
      <ChangePasswordForm />
      <OtherSessionsCard />
    </section>
  );
}

function ChangePasswordForm() {
  const { t } = useI18n();
  const toast = useToast();
  const { changePassword, changing } = useAccountActions();
  const [form, setForm] = useState(EMPTY);
  const [error, setError] = useState<AppErrorInfo | null>(null);
  const set = (key: keyof typeof EMPTY) => (event: { target: { value: string } }) => setForm({ ...form, [key]: event.target.value });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (form.newPassword !== form.repeated) {
      setError({ code: "BAD_USER_INPUT", message: t("account.passwordMismatch"), fields: [{ field: "repeated", message: t("account.passwordMismatch") }] });
      return;
    }
    setError(null);
    const result = await changePassword(form.currentPassword, form.newPassword);
    if ("error" in result) setError(result.error);
    else {
      setForm(EMPTY);
      toast(t("toast.passwordChanged"));
    }
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="change-password-title">
      <h2 id="change-password-title">{t("account.changePassword")}</h2>
      <p className="hint">{t("account.changePasswordNote")}</p>
      <ErrorBanner message={error !== null && error.fields.length === 0 ? error.message : null} />
      <FormField label={t("account.currentPassword")} type="password" autoComplete="current-password" required value={form.currentPassword} onChange={set("currentPassword")} error={fieldError(error, "currentPassword")} />
      <FormField label={t("account.newPassword")} type="password" autoComplete="new-password" required minLength={10} value={form.newPassword} onChange={set("newPassword")} error={fieldError(error, "newPassword")} hint={t("password.rule")} />
      <FormField label={t("account.repeatPassword")} type="password" autoComplete="new-password" required value={form.repeated} onChange={set("repeated")} error={fieldError(error, "repeated")} />
      <button type="submit" className="button button-primary" disabled={changing} aria-busy={changing}>
        {changing ? t("common.working") : t("account.changePassword")}
      </button>
    </form>
  );
}

function OtherSessionsCard() {
  const { t } = useI18n();
  const toast = useToast();
  const { signOutOtherSessions, signingOut } = useAccountActions();
  const [error, setError] = useState<string | null>(null);
  const signOut = async () => {
    setError(null);
    const result = await signOutOtherSessions();
    if ("error" in result) setError(result.error.message);
    else {
      const ended = result.data.signOutOtherSessions;
      toast(ended === 0 ? t("toast.noOtherSessions") : ended === 1 ? t("toast.sessionsEndedOne") : t("toast.sessionsEnded", { count: ended }));
    }
  };
  return (
    <div className="card">
      <h2>{t("account.sessions")}</h2>
      <p>{t("account.sessionsBody")}</p>
      <ErrorBanner message={error} />
      <button type="button" className="button" onClick={signOut} disabled={signingOut} aria-busy={signingOut}>
        {signingOut ? t("common.working") : t("account.signOutOthers")}
      </button>
    </div>
  );
}
