import { useId } from "react";
import { FormField } from "../../components/ui/form-field";
import { TextAreaField } from "../../components/ui/text-area-field";
import { useI18n } from "../../lib/i18n";

/** The first line of a PEM SPKI key: a format marker, the same in every language. */
const PEM_FIRST_LINE = "-----BEGIN PUBLIC KEY-----";

interface PublicKeyFieldsProps {
  text: string;
  expiresOn: string;
  onText(text: string): void;
  onExpiresOn(day: string): void;
  keyError?: string;
  expiryError?: string;
}

/** A pasted public key (PEM or JWK) and its optional expiry: in the create dialog and the Add key dialog. */
export function PublicKeyFields({ text, expiresOn, onText, onExpiresOn, keyError, expiryError }: PublicKeyFieldsProps) {
  const { t } = useI18n();
  const hintId = useId();
  return (
    <>
      <TextAreaField
        label={t("clientAuth.publicKey")}
        className="mono key-text"
        value={text}
        onChange={(event) => onText(event.target.value)}
        rows={6}
        spellCheck={false}
        autoCapitalize="none"
        placeholder={PEM_FIRST_LINE}
        error={keyError}
        aria-describedby={keyError === undefined ? hintId : undefined}
      />
      {keyError === undefined && (
        <p className="hint key-hint" id={hintId}>
          {t("clientAuth.publicKeyHint")}
        </p>
      )}
      <FormField label={t("clientAuth.keyExpiry")} type="date" value={expiresOn} min={new Date(Date.now() + 86_400_000).toISOString().slice(0, 10)} onChange={(event) => onExpiresOn(event.target.value)} error={expiryError} hint={t("clientAuth.keyExpiryHint")} />
    </>
  );
}
