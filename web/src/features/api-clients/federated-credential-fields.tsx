import { useId } from "react";
import { FormField } from "../../components/ui/form-field";
import { useI18n, type MessageKey } from "../../lib/i18n";
import type { FederatedCredentialDraft } from "./secretless-rules";

interface FederatedCredentialFieldsProps {
  value: FederatedCredentialDraft;
  onChange(next: FederatedCredentialDraft): void;
  /** The operator's allowlist: the only issuers a credential may name. */
  issuers: string[];
  /** Problems found as the owner typed, shown once the form was submitted. */
  problems: Partial<Record<keyof FederatedCredentialDraft, MessageKey>>;
  /** The server's field error for a field, if any. */
  serverError(field: keyof FederatedCredentialDraft): string | undefined;
}

/** Issuer, audience, subject and a name: what a federated credential trusts. */
export function FederatedCredentialFields({ value, onChange, issuers, problems, serverError }: FederatedCredentialFieldsProps) {
  const { t } = useI18n();
  const issuerId = useId();
  const problem = (field: keyof FederatedCredentialDraft) => {
    const key = problems[field];
    return key === undefined ? serverError(field) : t(key);
  };
  const set = (field: keyof FederatedCredentialDraft) => (event: { target: { value: string } }) => onChange({ ...value, [field]: event.target.value });
  const issuerError = problem("issuer");
  return (
    <>
      <div className="field">
        <label htmlFor={issuerId}>{t("clientAuth.issuer")}</label>
        <select id={issuerId} value={value.issuer} onChange={set("issuer")} aria-invalid={issuerError !== undefined} aria-describedby={`${issuerId}-${issuerError === undefined ? "hint" : "error"}`} className="issuer-select">
          <option value="">{t("clientAuth.issuerChoose")}</option>
          {issuers.map((issuer) => (
            <option key={issuer} value={issuer}>
              {issuer}
            </option>
          ))}
        </select>
        {issuerError === undefined ? (
          <p className="hint" id={`${issuerId}-hint`}>
            {t("clientAuth.issuerHint")}
          </p>
        ) : (
          <p className="field-error" id={`${issuerId}-error`} role="alert">
            {issuerError}
          </p>
        )}
      </div>
      <FormField label={t("clientAuth.audience")} value={value.audience} onChange={set("audience")} error={problem("audience")} hint={t("clientAuth.audienceHint")} maxLength={255} autoCapitalize="none" spellCheck={false} />
      <FormField label={t("clientAuth.subject")} value={value.subject} onChange={set("subject")} error={problem("subject")} hint={t("clientAuth.subjectHint")} placeholder="repo:acme/app:ref:refs/heads/main" maxLength={255} autoCapitalize="none" spellCheck={false} className="mono" />
      <FormField label={t("clientAuth.credentialName")} value={value.name} onChange={set("name")} error={problem("name")} hint={t("clientAuth.credentialNameHint")} maxLength={100} />
    </>
  );
}
