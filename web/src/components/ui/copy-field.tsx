import { useEffect, useId, useState } from "react";

interface CopyFieldProps {
  label: string;
  value: string;
  copyLabel: string;
  copiedLabel: string;
  secret?: boolean;
}

/** A read-only value with a copy button that confirms the copy for a moment. */
export function CopyField({ label, value, copyLabel, copiedLabel, secret = false }: CopyFieldProps) {
  const id = useId();
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2000);
    return () => clearTimeout(timer);
  }, [copied]);
  const copy = async () => {
    await navigator.clipboard.writeText(value);
    setCopied(true);
  };
  return (
    <div className="copy-field">
      <label htmlFor={id}>{label}</label>
      <div className="copy-row">
        <input id={id} readOnly value={value} className={secret ? "mono secret" : "mono"} onFocus={(event) => event.currentTarget.select()} />
        <button type="button" className="button" onClick={copy} aria-label={`${copyLabel}: ${label}`}>
          {copied ? copiedLabel : copyLabel}
        </button>
      </div>
    </div>
  );
}
