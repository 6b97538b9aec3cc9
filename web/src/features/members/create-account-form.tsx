import { useState, type FormEvent } from "react";
import { FormField } from "../../components/ui/form-field";
import { fieldError, type AppErrorInfo } from "../../lib/graphql-errors";
import { useI18n } from "../../lib/i18n";

interface CreateAccountFormProps {
  busy: boolean;
  error: AppErrorInfo | null;
  onSubmit(account: { name: string; password: string }): void;
}

/** The invitee's new account: name and password, typed twice. */
export function CreateAccountForm({ busy, error, onSubmit }: CreateAccountFormProps) {
  const { t } = useI18n();
  const [account, setAccount] = useState({ name: "", password: "", confirm: "" });
  const [mismatch, setMismatch] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMismatch(account.password !== account.confirm);
    if (account.password === account.confirm) onSubmit({ name: account.name, password: account.password });
  };
  return (
    <form className="accept-option" onSubmit={submit} aria-labelledby="accept-create">
      <h2 id="accept-create">{t("accept.createAccount")}</h2>
      <FormField label={t("accept.yourName")} required autoComplete="name" value={account.name} onChange={(event) => setAccount({ ...account, name: event.target.value })} error={fieldError(error, "name")} />
      <FormField
        label={t("auth.password")}
        type="password"
        required
        autoComplete="new-password"
        minLength={10}
        value={account.password}
        onChange={(event) => setAccount({ ...account, password: event.target.value })}
        error={fieldError(error, "password")}
        hint={t("password.rule")}
      />
      <FormField
        label={t("accept.confirmPassword")}
        type="password"
        required
        autoComplete="new-password"
        value={account.confirm}
        onChange={(event) => setAccount({ ...account, confirm: event.target.value })}
        error={mismatch ? t("accept.passwordMismatch") : undefined}
      />
      <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy}>
        {busy ? t("common.working") : t("accept.createAndJoin")}
      </button>
    </form>
  );
}
