import { useState, type FormEvent } from "react";
import { Dialog } from "../../components/ui/dialog";
import { ErrorBanner } from "../../components/ui/error-banner";
import { FormField } from "../../components/ui/form-field";
import { TextAreaField } from "../../components/ui/text-area-field";
import { fieldError, type AppErrorInfo } from "../../lib/graphql-errors";
import { useI18n } from "../../lib/i18n";
import type { ApiClient, CatalogApi, RolePreset } from "./api-clients.graphql";
import { descriptionErrors, listHasProblems, nameErrors } from "./client-rules";
import { ClientListFields } from "./client-list-fields";
import { PermissionGrid } from "./permission-grid";
import { visibleApis } from "./permission-grid-state";
import { useApiClientMutations } from "./use-api-clients";

interface EditApiClientDialogProps {
  client: ApiClient;
  apis: CatalogApi[];
  presets: RolePreset[];
  onClose(): void;
  onSaved(): void;
}

/** Name, notes, permissions (within the client's fixed scopes), IPs and redirect URLs. */
export function EditApiClientDialog({ client, apis, presets, onClose, onSaved }: EditApiClientDialogProps) {
  const { t } = useI18n();
  const { update, busy } = useApiClientMutations();
  const [name, setName] = useState(client.name);
  const [description, setDescription] = useState(client.description);
  const [permissions, setPermissions] = useState(client.permissions);
  const [allowedIps, setAllowedIps] = useState(client.allowedIps);
  const [redirectUris, setRedirectUris] = useState(client.redirectUris);
  const [error, setError] = useState<AppErrorInfo | null>(null);
  const nameProblem = nameErrors(name)[0]?.message;
  const descriptionProblem = descriptionErrors(description)[0]?.message;
  const invalid = nameProblem !== undefined || descriptionProblem !== undefined || listHasProblems(allowedIps, redirectUris);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (invalid) return;
    setError(null);
    const result = await update({ id: client.id, input: { name, description, allowedIps, redirectUris }, permissions });
    if ("error" in result) setError(result.error);
    else onSaved();
  };
  return (
    <Dialog open title={t("clients.edit")} onClose={onClose} wide>
      <form onSubmit={submit} noValidate>
        <div className="dialog-body">
          <ErrorBanner message={error?.message} />
          <FormField label={t("clients.name")} value={name} onChange={(event) => setName(event.target.value)} error={nameProblem ?? fieldError(error, "name")} required />
          <TextAreaField label={t("clients.description")} value={description} onChange={(event) => setDescription(event.target.value)} rows={2} error={descriptionProblem} />
          <PermissionGrid apis={visibleApis(apis, client.scopes)} presets={presets} selected={permissions} onChange={setPermissions} />
          <ClientListFields allowedIps={allowedIps} redirectUris={redirectUris} onAllowedIpsChange={setAllowedIps} onRedirectUrisChange={setRedirectUris} />
        </div>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            {t("common.cancel")}
          </button>
          <button type="submit" className="button button-primary" disabled={busy || invalid} aria-busy={busy}>
            {busy ? t("common.working") : t("common.save")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
