import { useState } from "react";
import { ConfirmDialog } from "../../components/ui/confirm-dialog";
import { ErrorBanner, Loading } from "../../components/ui/error-banner";
import { useToast } from "../../components/ui/toast";
import { formatDateTime } from "../../lib/format";
import { toAppError } from "../../lib/graphql-errors";
import { useI18n } from "../../lib/i18n";
import { useRotateSigningKey, useSigningKeys } from "./use-platform";

/** The key ring: which key signs now, and whether each is encrypted at rest; Rotate behind a confirmation. */
export function SigningKeysPage() {
  const { t, language } = useI18n();
  const toast = useToast();
  const { data, loading, error } = useSigningKeys();
  const { rotate, busy } = useRotateSigningKey();
  const [confirming, setConfirming] = useState(false);
  const [rotateError, setRotateError] = useState<string | null>(null);
  const confirm = async () => {
    setRotateError(null);
    const result = await rotate();
    setConfirming(false);
    if ("error" in result) setRotateError(result.error.message);
    else toast(t("platform.rotated", { kid: result.data.rotateSigningKey.kid }));
  };
  const keys = data?.signingKeys;
  return (
    <section aria-labelledby="keys-title">
      <div className="page-head">
        <h1 id="keys-title">{t("platform.signingKeys")}</h1>
        <button type="button" className="button button-primary" onClick={() => setConfirming(true)}>
          {t("platform.rotate")}
        </button>
      </div>
      <p className="hint page-intro">{t("platform.signingKeysIntro")}</p>
      <ErrorBanner message={error === undefined ? rotateError : toAppError(error).message} />
      {loading && keys === undefined ? (
        <Loading label={t("common.loading")} />
      ) : (
        <div className="table-scroll">
          <table className="data-table stack-table platform-table">
            <thead>
              <tr>
                <th scope="col">{t("platform.kid")}</th>
                <th scope="col">{t("platform.algorithm")}</th>
                <th scope="col">{t("platform.created")}</th>
                <th scope="col">{t("platform.keyStatus")}</th>
                <th scope="col">{t("platform.encryptedAtRest")}</th>
              </tr>
            </thead>
            <tbody>
              {keys?.map((key) => (
                <tr key={key.kid}>
                  <td className="stack-title stack-wrap mono">{key.kid}</td>
                  <td data-label={t("platform.algorithm")}>{key.algorithm}</td>
                  <td data-label={t("platform.created")}>{formatDateTime(key.createdAt, language)}</td>
                  <td data-label={t("platform.keyStatus")}>{key.active ? <strong>{t("platform.keyActive")}</strong> : t("platform.keyVerifyOnly")}</td>
                  <td className="stack-wrap" data-label={t("platform.encryptedAtRest")}>{key.encryptedAtRest ? t("platform.encryptedYes") : t("platform.encryptedNo")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ConfirmDialog open={confirming} title={t("platform.rotateTitle")} confirmLabel={t("platform.rotate")} cancelLabel={t("common.cancel")} busy={busy} onConfirm={() => void confirm()} onCancel={() => setConfirming(false)}>
        <p>{t("platform.rotateBody")}</p>
      </ConfirmDialog>
    </section>
  );
}
