import { useI18n, type MessageKey } from "../../lib/i18n";
import { SYSTEM_PERMISSIONS } from "./system-clients.graphql";
import { toggleSystemPermission } from "./system-permissions";

export const SYSTEM_PERMISSION_LABELS: Record<string, MessageKey> = {
  "system.organizations.read": "platform.permOrganizationsRead",
  "system.organizations.write": "platform.permOrganizationsWrite",
  "tokens.introspect": "platform.permIntrospect",
};

/** The system permissions as checkboxes, each with its wire name beside its meaning. */
export function SystemPermissionFields({ value, onChange, error }: { value: string[]; onChange(next: string[]): void; error?: string }) {
  const { t } = useI18n();
  const toggle = (permission: string, on: boolean) => onChange(toggleSystemPermission(value, permission, on));
  return (
    <fieldset className="permission-choices" aria-describedby={error === undefined ? undefined : "system-permissions-error"}>
      <legend>{t("clients.permissions")}</legend>
      {SYSTEM_PERMISSIONS.map((permission) => (
        <label key={permission} className="checkbox">
          <input type="checkbox" checked={value.includes(permission)} onChange={(event) => toggle(permission, event.target.checked)} />
          <span>
            {t(SYSTEM_PERMISSION_LABELS[permission])} <code>{permission}</code>
          </span>
        </label>
      ))}
      {error !== undefined && (
        <p className="field-error" id="system-permissions-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}

export function permissionText(permission: string, t: (key: MessageKey) => string): string {
  const key = SYSTEM_PERMISSION_LABELS[permission];
  return key === undefined ? permission : t(key);
}
