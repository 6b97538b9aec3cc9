import { useEffect, useState } from "react";
import { copyKeys } from "../../components/ui/copy-field";
import { useI18n } from "../../lib/i18n";
import { abbreviateThumbprint } from "./secretless-rules";

/**
 * A thumbprint shortened for a table cell; Copy copies it whole. Where the clipboard refuses, the
 * whole value is shown selected, as CopyField does.
 */
export function ThumbprintCopy({ thumbprint, label }: { thumbprint: string; label: string }) {
  const { t } = useI18n();
  const [state, setState] = useState<"idle" | "copied" | "manual">("idle");
  useEffect(() => {
    if (state !== "copied") return;
    const timer = setTimeout(() => setState("idle"), 2000);
    return () => clearTimeout(timer);
  }, [state]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(thumbprint);
      setState("copied");
    } catch {
      setState("manual");
    }
  };
  return (
    <div className="copy-field copy-inline">
      {state === "manual" ? (
        <input readOnly value={thumbprint} className="mono" aria-label={label} ref={(input) => input?.select()} onFocus={(event) => event.currentTarget.select()} />
      ) : (
        <code className="mono" title={thumbprint}>
          {abbreviateThumbprint(thumbprint)}
        </code>
      )}
      <button type="button" className="button button-small" onClick={copy} aria-label={`${t("common.copy")}: ${label}`}>
        {state === "copied" ? t("common.copied") : t("common.copy")}
      </button>
      <p className="hint copy-status" role="status">
        {state === "manual" ? t("copy.manual", { keys: copyKeys() }) : ""}
      </p>
    </div>
  );
}
