import { CopyField } from "../../components/ui/copy-field";
import { Dialog } from "../../components/ui/dialog";
import { useI18n } from "../../lib/i18n";
import { CLIENT_ASSERTION_TYPE, HowItAuthenticates } from "./how-it-authenticates";
import type { ClientAuthMethod } from "./secretless-rules";

interface SecretlessCreatedDialogProps {
  clientId: string;
  authMethod: ClientAuthMethod;
  tokenEndpoint?: string;
  onClose(): void;
}

/** A client without a secret has nothing to store once: its id, and how its integration gets tokens. */
export function SecretlessCreatedDialog({ clientId, authMethod, tokenEndpoint, onClose }: SecretlessCreatedDialogProps) {
  const { t } = useI18n();
  return (
    <Dialog open title={t("clientAuth.createdTitle")} onClose={onClose}>
      <div className="dialog-body">
        <p className="banner banner-info" role="status">
          {t("clientAuth.createdNoSecret")}
        </p>
        <CopyField label={t("clients.clientId")} value={clientId} copyLabel={t("common.copy")} copiedLabel={t("common.copied")} />
        <HowItAuthenticates method={authMethod} />
        {tokenEndpoint !== undefined && <CopyField label={t("token.url")} value={tokenEndpoint} copyLabel={t("common.copy")} copiedLabel={t("common.copied")} />}
        <CopyField label="client_assertion_type" value={CLIENT_ASSERTION_TYPE} copyLabel={t("common.copy")} copiedLabel={t("common.copied")} />
      </div>
      <div className="dialog-actions">
        <button type="button" className="button button-primary" onClick={onClose}>
          {t("common.close")}
        </button>
      </div>
    </Dialog>
  );
}
