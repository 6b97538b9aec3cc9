import { useState, type FormEvent } from "react";
import { Dialog } from "../../components/ui/dialog";
import { ErrorBanner } from "../../components/ui/error-banner";
import { FormField } from "../../components/ui/form-field";
import { TextAreaField } from "../../components/ui/text-area-field";
import { oneYearAhead } from "../../lib/format";
import { fieldError, type AppErrorInfo } from "../../lib/graphql-errors";
import { useI18n } from "../../lib/i18n";
import type { SystemClient } from "./system-clients.graphql";
import { SystemPermissionFields } from "./system-permission-fields";
import { useSystemClientMutations } from "./use-system-clients";

interface CreateSystemClientDialogProps {
  onClose(): void;
  onCreated(result: { apiClient: SystemClient; clientSecret: string }): void;
}

/** Name, description, system permissions and expiry; the secret is the caller's to show once. */
export function CreateSystemClientDialog({ onClose, onCreated }: CreateSystemClientDialogProps) {
  const { t } = useI18n();
  const { create, busy } = useSystemClientMutations();
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [permissions, setPermissions] = useState<string[]>(["system.organizations.read"]);
  const [expiresOn, setExpiresOn] = useState(oneYearAhead());
  const [error, setError] = useState<AppErrorInfo | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await create({ name: name.trim(), description: description.trim() === "" ? null : description, permissions, expiresAt: expiresOn === "" ? null : new Date(`${expiresOn}T23:59:59.999Z`).toISOString() });
    if ("error" in result) setError(result.error);
    else onCreated(result.data.createSystemClient);
  };
  return (
    <Dialog open title={t("platform.createSystemClient")} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <div className="dialog-body">
          <ErrorBanner message={error === null ? null : error.fields.length > 0 ? t("error.BAD_USER_INPUT") : error.message} />
          <FormField label={t("clients.name")} value={name} onChange={(event) => setName(event.target.value)} error={fieldError(error, "name")} required autoComplete="off" />
          <TextAreaField label={t("clients.description")} value={description} onChange={(event) => setDescription(event.target.value)} error={fieldError(error, "description")} />
          <SystemPermissionFields value={permissions} onChange={setPermissions} error={fieldError(error, "permissions")} />
          <FormField label={t("clients.expiry")} type="date" value={expiresOn} onChange={(event) => setExpiresOn(event.target.value)} error={fieldError(error, "expiresAt")} hint={t("clients.expiryHint")} />
        </div>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t("common.cancel")}
          </button>
          <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy}>
            {t("platform.create")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
