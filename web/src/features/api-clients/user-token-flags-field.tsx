import { useId } from "react";
import { useI18n, type MessageKey } from "../../lib/i18n";

export interface UserTokenFlags {
  allowLogin: boolean;
  allowImpersonate: boolean;
}

interface UserTokenFlagsFieldProps {
  value: UserTokenFlags;
  onChange(next: UserTokenFlags): void;
  disabled?: boolean;
}

const FLAGS: { name: keyof UserTokenFlags; label: MessageKey; warning: MessageKey }[] = [
  { name: "allowLogin", label: "clients.allowLogin", warning: "clients.allowLoginWarning" },
  { name: "allowImpersonate", label: "clients.allowImpersonate", warning: "clients.allowImpersonateWarning" },
];

/**
 * Issue 15: the two flags that let a client get tokens acting for a platform user. Each box
 * carries, as its description, a plain warning of what it lets the secret's holder do.
 */
export function UserTokenFlagsField({ value, onChange, disabled = false }: UserTokenFlagsFieldProps) {
  const { t } = useI18n();
  const id = useId();
  return (
    <fieldset className="user-token-flags">
      <legend>{t("clients.userTokens")}</legend>
      {FLAGS.map((flag) => (
        <div key={flag.name} className="field">
          <label className="checkbox">
            <input
              type="checkbox"
              checked={value[flag.name]}
              disabled={disabled}
              aria-describedby={`${id}-${flag.name}`}
              onChange={(event) => onChange({ ...value, [flag.name]: event.target.checked })}
            />
            {t(flag.label)}
          </label>
          <p className="hint" id={`${id}-${flag.name}`}>
            {t(flag.warning)}
          </p>
        </div>
      ))}
    </fieldset>
  );
}
