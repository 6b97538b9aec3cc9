import { useState, type FormEvent } from "react";
import { Dialog } from "../../components/ui/dialog";
import { ErrorBanner } from "../../components/ui/error-banner";
import { fieldError, type AppErrorInfo } from "../../lib/graphql-errors";
import { useI18n } from "../../lib/i18n";
import { FederatedCredentialFields } from "./federated-credential-fields";
import { federatedProblems, type FederatedCredentialDraft } from "./secretless-rules";
import { useFederationIssuers, useSecretlessMutations } from "./use-secretless";

export function AddFederatedCredentialDialog({ clientId, onClose, onAdded }: { clientId: string; onClose(): void; onAdded(): void }) {
  const { t } = useI18n();
  const issuers = useFederationIssuers();
  const { addCredential, busy } = useSecretlessMutations(clientId);
  const [typed, setDraft] = useState<FederatedCredentialDraft>({ name: "", issuer: "", audience: "", subject: "" });
  // The allowlist may arrive after the dialog opens: a single allowed issuer is the choice until another is made.
  const draft = typed.issuer === "" && issuers.length === 1 ? { ...typed, issuer: issuers[0] ?? "" } : typed;
  const [touched, setTouched] = useState(false);
  const [error, setError] = useState<AppErrorInfo | null>(null);
  const problems = federatedProblems(draft);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (Object.keys(problems).length > 0) return;
    setError(null);
    const result = await addCredential({ name: draft.name.trim(), issuer: draft.issuer, audience: draft.audience.trim(), subject: draft.subject.trim() });
    if ("error" in result) setError(result.error);
    else onAdded();
  };
  return (
    <Dialog open title={t("clientAuth.addCredential")} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <div className="dialog-body">
          <ErrorBanner message={error?.message} />
          <FederatedCredentialFields value={draft} onChange={setDraft} issuers={issuers} problems={touched ? problems : {}} serverError={(field) => fieldError(error, field)} />
        </div>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            {t("common.cancel")}
          </button>
          <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy}>
            {busy ? t("common.working") : t("clientAuth.addCredential")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
