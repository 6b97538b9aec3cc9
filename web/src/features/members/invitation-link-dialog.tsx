import { useState } from "react";
import { CopyField } from "../../components/ui/copy-field";
import { Dialog } from "../../components/ui/dialog";
import { formatDate } from "../../lib/format";
import { useI18n } from "../../lib/i18n";

interface InvitationLinkDialogProps {
  email: string;
  url: string;
  expiresAt: string;
  onClose(): void;
}

/** The only time an invitation link is shown: it closes once the owner says it is copied. */
export function InvitationLinkDialog({ email, url, expiresAt, onClose }: InvitationLinkDialogProps) {
  const { t, language } = useI18n();
  const [copied, setCopied] = useState(false);
  return (
    <Dialog open title={t("invitations.linkTitle")} onClose={onClose} canDismiss={copied}>
      <div className="dialog-body">
        <p>{t("invitations.linkIntro", { email })}</p>
        <div className="banner banner-warning" role="note">
          {t("invitations.linkWarning", { date: formatDate(expiresAt, language), email })}
        </div>
        <CopyField label={t("invitations.linkLabel")} value={url} copyLabel={t("common.copy")} copiedLabel={t("common.copied")} secret />
        <label className="checkbox">
          <input type="checkbox" checked={copied} onChange={(event) => setCopied(event.target.checked)} />
          {t("invitations.linkStored")}
        </label>
      </div>
      <div className="dialog-actions">
        <button type="button" className="button button-primary" disabled={!copied} onClick={onClose}>
          {t("common.close")}
        </button>
      </div>
    </Dialog>
  );
}
