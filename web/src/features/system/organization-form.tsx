import { useState, type FormEvent, type ReactNode } from "react";
import { ErrorBanner } from "../../components/ui/error-banner";
import { FormField } from "../../components/ui/form-field";
import { fieldError, type AppErrorInfo } from "../../lib/graphql-errors";
import { useI18n } from "../../lib/i18n";
import { toSettings, type LimitField, type SettingsDraft } from "./organization-settings";
import type { OrganizationSettings } from "./platform-organizations.graphql";

interface OrganizationFormProps {
  initial: SettingsDraft;
  busy: boolean;
  submitLabel: string;
  /** Resolves with the server's error to show at the fields, or null when saved. */
  onSubmit(settings: OrganizationSettings): Promise<AppErrorInfo | null>;
  /** Extra buttons beside Save (a dialog's Cancel). */
  actions?: ReactNode;
}

/** Name, the iBinder switch and the limits; server field errors appear beside their fields. */
export function OrganizationForm({ initial, busy, submitLabel, onSubmit, actions }: OrganizationFormProps) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(initial);
  const [error, setError] = useState<AppErrorInfo | null>(null);
  const [notWhole, setNotWhole] = useState<LimitField[]>([]);
  const set = <K extends keyof SettingsDraft>(key: K, value: SettingsDraft[K]) => setDraft((current) => ({ ...current, [key]: value }));
  const problem = (field: LimitField) => (notWhole.includes(field) ? t("platform.wholeNumber") : fieldError(error, field));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = toSettings(draft);
    if ("notWhole" in parsed) {
      setNotWhole(parsed.notWhole);
      return;
    }
    setNotWhole([]);
    setError(await onSubmit(parsed.settings));
  };
  const bannerText = error === null ? null : error.fields.length > 0 ? t("error.BAD_USER_INPUT") : error.message;
  return (
    <form onSubmit={submit} noValidate>
      <ErrorBanner message={bannerText} />
      <FormField label={t("platform.orgName")} value={draft.name} onChange={(event) => set("name", event.target.value)} error={fieldError(error, "name")} required autoComplete="off" />
      <fieldset className="switch-field">
        <legend>{t("platform.apiClients")}</legend>
        <label className="checkbox">
          <input type="checkbox" role="switch" checked={draft.apiClientsEnabled} onChange={(event) => set("apiClientsEnabled", event.target.checked)} aria-describedby="api-clients-switch-hint" />
          {t("platform.apiClientsSwitch")}
        </label>
        <p className="hint" id="api-clients-switch-hint">
          {t("platform.apiClientsSwitchHint")}
        </p>
      </fieldset>
      <div className="limit-fields">
        <FormField label={t("platform.maxClients")} inputMode="numeric" value={draft.maxApiClients} onChange={(event) => set("maxApiClients", event.target.value)} error={problem("maxApiClients")} />
        <FormField label={t("platform.maxTokens")} inputMode="numeric" value={draft.maxTokensPerClient} onChange={(event) => set("maxTokensPerClient", event.target.value)} error={problem("maxTokensPerClient")} />
        <FormField label={t("platform.tokenLifetime")} inputMode="numeric" value={draft.accessTokenTtlSeconds} onChange={(event) => set("accessTokenTtlSeconds", event.target.value)} error={problem("accessTokenTtlSeconds")} hint={t("platform.tokenLifetimeHint")} />
      </div>
      <div className="dialog-actions form-actions">
        {actions}
        <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
