import { useState, type FormEvent, type ReactNode } from "react";
import { ErrorBanner } from "../../components/ui/error-banner";
import { FormField } from "../../components/ui/form-field";
import { useI18n } from "../../lib/i18n";
import { useAuthActions } from "./use-session";

/** `initialEmail` and `children` (below the form) let a route send someone here for a reason. */
export function LoginPage({ onSignedIn, initialEmail = "", children }: { onSignedIn(): void; initialEmail?: string; children?: ReactNode }) {
  const { t } = useI18n();
  const { login, busy } = useAuthActions();
  const [email, setEmail] = useState(initialEmail);
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const result = await login(email, password);
    if ("error" in result) setError(result.error.message);
    else onSignedIn();
  };
  return (
    <form className="card auth-card" onSubmit={submit} aria-labelledby="login-title">
      <h1 id="login-title">{t("auth.signInTitle")}</h1>
      <ErrorBanner message={error} />
      <FormField label={t("auth.email")} type="email" autoComplete="username" required value={email} onChange={(event) => setEmail(event.target.value)} />
      <FormField label={t("auth.password")} type="password" autoComplete="current-password" required value={password} onChange={(event) => setPassword(event.target.value)} />
      <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy}>
        {busy ? t("common.working") : t("auth.signIn")}
      </button>
      {children}
    </form>
  );
}
