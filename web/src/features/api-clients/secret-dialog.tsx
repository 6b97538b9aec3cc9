import { useState } from "react";
import { CopyField } from "../../components/ui/copy-field";
import { Dialog } from "../../components/ui/dialog";
import { useI18n } from "../../lib/i18n";
import { SecurityTips } from "./security-tips";

interface SecretDialogProps {
  clientId: string;
  secret: string;
  onClose(): void;
}

/** The only time a secret is ever shown: it closes only once the owner says it is stored. */
export function SecretDialog({ clientId, secret, onClose }: SecretDialogProps) {
  const { t } = useI18n();
  const [stored, setStored] = useState(false);
  return (
    <Dialog open title={t("secret.title")} onClose={onClose} canDismiss={stored}>
      <div className="dialog-body">
        <div className="banner banner-warning" role="note">
          {t("secret.warning")}
        </div>
        <CopyField label={t("clients.clientId")} value={clientId} copyLabel={t("common.copy")} copiedLabel={t("common.copied")} />
        <CopyField label={t("secret.label")} value={secret} copyLabel={t("common.copy")} copiedLabel={t("common.copied")} secret />
        <SecurityTips compact />
        <label className="checkbox secret-stored">
          <input type="checkbox" checked={stored} onChange={(event) => setStored(event.target.checked)} />
          {t("secret.stored")}
        </label>
      </div>
      <div className="dialog-actions">
        <button type="button" className="button button-primary" disabled={!stored} onClick={onClose}>
          {t("common.close")}
        </button>
      </div>
    </Dialog>
  );
}
