import { useEffect, useId, useRef, useState } from "react";
import { useI18n } from "../../lib/i18n";

interface CopyFieldProps {
  label: string;
  value: string;
  copyLabel: string;
  copiedLabel: string;
  secret?: boolean;
  /** The value as wrapping text beside a small button (table cells), not a full-width field. */
  inline?: boolean;
}

type CopyState = "idle" | "copied" | "manual";

/** The keys that copy on this machine. */
export function copyKeys(): string {
  const platform = (navigator as Navigator & { userAgentData?: { platform?: string } }).userAgentData?.platform ?? navigator.platform;
  return /mac|iphone|ipad/i.test(platform) ? "⌘C" : "Ctrl+C";
}

/**
 * A read-only value with a copy button. Where the async clipboard is missing or refuses (plain
 * http off localhost, a denied permission), the text is selected and the owner told which keys
 * copy it: never a silent failure.
 */
export function CopyField({ label, value, copyLabel, copiedLabel, secret = false, inline = false }: CopyFieldProps) {
  const { t } = useI18n();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const text = useRef<HTMLElement>(null);
  const [state, setState] = useState<CopyState>("idle");
  useEffect(() => {
    if (state !== "copied") return;
    const timer = setTimeout(() => setState("idle"), 2000);
    return () => clearTimeout(timer);
  }, [state]);
  const selectForManualCopy = () => {
    if (inline && text.current !== null) window.getSelection()?.selectAllChildren(text.current);
    input.current?.focus();
    input.current?.select();
    setState("manual");
  };
  const copy = async () => {
    if (typeof navigator.clipboard?.writeText !== "function") return selectForManualCopy();
    try {
      await navigator.clipboard.writeText(value);
      setState("copied");
    } catch {
      selectForManualCopy();
    }
  };
  const status = (
    <p className="hint copy-status" role="status">
      {state === "manual" ? t("copy.manual", { keys: copyKeys() }) : ""}
    </p>
  );
  const button = (
    <button type="button" className={inline ? "button button-small" : "button"} onClick={copy} aria-label={`${copyLabel}: ${label}`}>
      {state === "copied" ? copiedLabel : copyLabel}
    </button>
  );
  if (inline) {
    return (
      <div className="copy-field copy-inline">
        <code ref={text} className="mono">
          {value}
        </code>
        {button}
        {status}
      </div>
    );
  }
  return (
    <div className="copy-field">
      <label htmlFor={id}>{label}</label>
      <div className="copy-row">
        <input ref={input} id={id} readOnly value={value} className={secret ? "mono secret" : "mono"} onFocus={(event) => event.currentTarget.select()} />
        {button}
      </div>
      {status}
    </div>
  );
}
