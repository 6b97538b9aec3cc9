import { useState, type FormEvent } from "react";
import { Dialog } from "../../components/ui/dialog";
import { ErrorBanner } from "../../components/ui/error-banner";
import { FormField } from "../../components/ui/form-field";
import { StringListEditor } from "../../components/ui/string-list-editor";
import { fieldError, type AppErrorInfo } from "../../lib/graphql-errors";
import { useI18n } from "../../lib/i18n";
import type { ApiClient, CatalogApi, RolePreset } from "./api-clients.graphql";
import { descriptionErrors, ipProblemAt, listHasProblems, nameErrors, redirectProblemAt } from "./client-rules";
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
          <div className="field">
            <label htmlFor="edit-description">{t("clients.description")}</label>
            <textarea id="edit-description" value={description} onChange={(event) => setDescription(event.target.value)} rows={2} />
            {descriptionProblem !== undefined && <p className="field-error" role="alert">{descriptionProblem}</p>}
          </div>
          <PermissionGrid apis={visibleApis(apis, client.scopes)} presets={presets} selected={permissions} onChange={setPermissions} />
          <StringListEditor label={t("clients.allowedIps")} hint={t("clients.allowedIpsHint")} values={allowedIps} onChange={setAllowedIps} problemAt={ipProblemAt} placeholder="203.0.113.0/24" addLabel={t("common.add")} removeLabel={t("common.remove")} />
          <StringListEditor label={t("clients.redirectUris")} values={redirectUris} onChange={setRedirectUris} problemAt={redirectProblemAt} placeholder="https://app.example.com/callback" addLabel={t("common.add")} removeLabel={t("common.remove")} />
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
