import { useState, type FormEvent } from "react";
import { ErrorBanner } from "../../components/ui/error-banner";
import { FormField } from "../../components/ui/form-field";
import { fieldError, type AppErrorInfo } from "../../lib/graphql-errors";
import { useI18n } from "../../lib/i18n";
import { useAuthActions } from "./use-session";

const EMPTY = { organizationName: "", name: "", email: "", password: "", confirm: "" };

/** First run: no user exists yet, so the first organization and its owner are created here. */
export function SetupPage({ onDone }: { onDone(organizationId: string): void }) {
  const { t } = useI18n();
  const { setup, busy } = useAuthActions();
  const [input, setInput] = useState(EMPTY);
  const [error, setError] = useState<AppErrorInfo | null>(null);
  const [mismatch, setMismatch] = useState(false);
  const set = (key: keyof typeof EMPTY) => (event: { target: { value: string } }) => setInput({ ...input, [key]: event.target.value });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    // A mistyped first password would lock the only owner out: nothing is sent until both agree.
    setMismatch(input.password !== input.confirm);
    if (input.password !== input.confirm) return;
    const { confirm: _confirm, ...fields } = input;
    const result = await setup(fields);
    if ("error" in result) setError(result.error);
    else onDone(result.data.setup.organization.id);
  };
  return (
    <form className="card auth-card" onSubmit={submit} aria-labelledby="setup-title">
      <h1 id="setup-title">{t("setup.title")}</h1>
      <p>{t("setup.intro")}</p>
      <ErrorBanner message={error !== null && error.fields.length === 0 ? error.message : null} />
      <FormField label={t("setup.organizationName")} required value={input.organizationName} onChange={set("organizationName")} error={fieldError(error, "organizationName")} />
      <FormField label={t("setup.yourName")} required autoComplete="name" value={input.name} onChange={set("name")} error={fieldError(error, "name")} />
      <FormField label={t("auth.email")} type="email" required autoComplete="username" value={input.email} onChange={set("email")} error={fieldError(error, "email")} />
      <FormField label={t("auth.password")} type="password" required autoComplete="new-password" minLength={10} value={input.password} onChange={set("password")} error={fieldError(error, "password")} hint={t("password.rule")} />
      <FormField label={t("password.confirm")} type="password" required autoComplete="new-password" value={input.confirm} onChange={set("confirm")} error={mismatch ? t("password.mismatch") : undefined} />
      <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy}>
        {busy ? t("common.working") : t("setup.submit")}
      </button>
    </form>
  );
}
