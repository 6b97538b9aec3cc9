import { useState } from "react";
import { ConfirmDialog } from "../../components/ui/confirm-dialog";
import { ErrorBanner } from "../../components/ui/error-banner";
import { useI18n } from "../../lib/i18n";
import type { ApiClient } from "./api-clients.graphql";
import { useApiClientMutations } from "./use-api-clients";

export function DeleteApiClientDialog({ client, onClose, onDeleted }: { client: ApiClient; onClose(): void; onDeleted(): void }) {
  const { t } = useI18n();
  const { remove, busy } = useApiClientMutations();
  const [error, setError] = useState<string | null>(null);
  const confirm = async () => {
    const result = await remove(client.id);
    if ("error" in result) setError(result.error.message);
    else onDeleted();
  };
  return (
    <ConfirmDialog open danger title={t("delete.title", { name: client.name })} confirmLabel={t("clients.delete")} cancelLabel={t("common.cancel")} busy={busy} onConfirm={confirm} onCancel={onClose}>
      <ErrorBanner message={error} />
      <p>{t("delete.body", { name: client.name, clientId: client.clientId })}</p>
    </ConfirmDialog>
  );
}
