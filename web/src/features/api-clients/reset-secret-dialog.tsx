import { useState } from "react";
import { ConfirmDialog } from "../../components/ui/confirm-dialog";
import { ErrorBanner } from "../../components/ui/error-banner";
import { useI18n, type MessageKey } from "../../lib/i18n";
import type { ApiClient, SecretPayload } from "./api-clients.graphql";
import { useApiClientMutations } from "./use-api-clients";

const GRACE: { seconds: number; label: MessageKey }[] = [
  { seconds: 0, label: "reset.graceNone" },
  { seconds: 3600, label: "reset.grace1h" },
  { seconds: 86_400, label: "reset.grace24h" },
  { seconds: 604_800, label: "reset.grace7d" },
];

/** A reset with no grace period stops every integration at once: styled as the danger it is. */
export function ResetSecretDialog({ client, onClose, onReset }: { client: ApiClient; onClose(): void; onReset(result: SecretPayload): void }) {
  const { t } = useI18n();
  const { resetSecret, busy } = useApiClientMutations();
  const [grace, setGrace] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const confirm = async () => {
    const result = await resetSecret(client.id, grace);
    if ("error" in result) setError(result.error.message);
    else onReset(result.data.resetApiClientSecret);
  };
  return (
    <ConfirmDialog open danger={grace === 0} title={t("reset.title", { name: client.name })} confirmLabel={t("clients.resetSecret")} cancelLabel={t("common.cancel")} busy={busy} onConfirm={confirm} onCancel={onClose}>
      <ErrorBanner message={error} />
      <p>{t("reset.body")}</p>
      <fieldset className="inline-choices">
        <legend>{t("reset.grace")}</legend>
        {GRACE.map((option) => (
          <label key={option.seconds} className="checkbox">
            <input type="radio" name="grace" checked={grace === option.seconds} onChange={() => setGrace(option.seconds)} />
            {t(option.label)}
          </label>
        ))}
      </fieldset>
      {grace === 0 && (
        <p className="banner banner-warning" role="note">
          {t("reset.noGraceWarning")}
        </p>
      )}
    </ConfirmDialog>
  );
}
