import { useState, type FormEvent } from "react";
import { Dialog } from "../../components/ui/dialog";
import { ErrorBanner } from "../../components/ui/error-banner";
import type { AppErrorInfo } from "../../lib/graphql-errors";
import { useI18n } from "../../lib/i18n";
import { PublicKeyFields } from "./public-key-fields";
import { fieldErrorUnder, publicKeyInput } from "./secretless-rules";
import { useSecretlessMutations } from "./use-secretless";

/** Adds a key beside the others, so an integration can move to it before the old one is removed. */
export function AddPublicKeyDialog({ clientId, onClose, onAdded }: { clientId: string; onClose(): void; onAdded(): void }) {
  const { t } = useI18n();
  const { addKey, busy } = useSecretlessMutations(clientId);
  const [text, setText] = useState("");
  const [expiresOn, setExpiresOn] = useState("");
  const [touched, setTouched] = useState(false);
  const [error, setError] = useState<AppErrorInfo | null>(null);
  const parsed = publicKeyInput(text, expiresOn);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if ("problem" in parsed) return;
    setError(null);
    const result = await addKey(parsed.input);
    if ("error" in result) setError(result.error);
    else onAdded();
  };
  const fields = error?.fields ?? [];
  return (
    <Dialog open title={t("clientAuth.addKey")} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <div className="dialog-body">
          <ErrorBanner message={error?.message} />
          <PublicKeyFields
            text={text}
            expiresOn={expiresOn}
            onText={setText}
            onExpiresOn={setExpiresOn}
            keyError={(touched || text.trim() !== "") && "problem" in parsed ? t(parsed.problem) : fieldErrorUnder(fields, ["key"])}
            expiryError={fieldErrorUnder(fields, ["key"], "expiresAt")}
          />
        </div>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            {t("common.cancel")}
          </button>
          <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy}>
            {busy ? t("common.working") : t("clientAuth.addKey")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
