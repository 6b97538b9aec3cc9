import { useState, type FormEvent } from "react";
import { Dialog } from "../../components/ui/dialog";
import { ErrorBanner } from "../../components/ui/error-banner";
import { FormField } from "../../components/ui/form-field";
import { TextAreaField } from "../../components/ui/text-area-field";
import { formatDate } from "../../lib/format";
import { fieldError, type AppErrorInfo } from "../../lib/graphql-errors";
import { useI18n } from "../../lib/i18n";
import type { ApiClient, CatalogApi, RolePreset } from "./api-clients.graphql";
import { descriptionProblem as descriptionRule, nameProblem as nameRule } from "./client-rules";
import { useClientListFields } from "./client-list-fields";
import { PermissionGrid } from "./permission-grid";
import { scopeLabels, visibleApis } from "./permission-grid-state";
import { useApiClientMutations } from "./use-api-clients";
import { useFormDiscardGuard } from "./use-form-discard-guard";
import { UserTokenFlagsField, type UserTokenFlags } from "./user-token-flags-field";

interface EditApiClientDialogProps {
  client: ApiClient;
  apis: CatalogApi[];
  presets: RolePreset[];
  onClose(): void;
  onSaved(): void;
}

/** Name, notes, permissions (within the client's fixed scopes), IPs and redirect URLs. */
export function EditApiClientDialog({ client, apis, presets, onClose, onSaved }: EditApiClientDialogProps) {
  const { t, language } = useI18n();
  const { update, busy } = useApiClientMutations();
  const [name, setName] = useState(client.name);
  const [description, setDescription] = useState(client.description);
  const [permissions, setPermissions] = useState(client.permissions);
  const lists = useClientListFields({ allowedIps: client.allowedIps, redirectUris: client.redirectUris });
  const [userTokens, setUserTokens] = useState<UserTokenFlags>({ allowLogin: client.allowLogin, allowImpersonate: client.allowImpersonate });
  const [error, setError] = useState<AppErrorInfo | null>(null);
  const nameProblem = nameRule(name);
  const descriptionProblem = descriptionRule(description);
  const invalid = nameProblem !== undefined || descriptionProblem !== undefined || lists.hasProblems;
  const dirty = name !== client.name || description !== client.description || permissions.join(" ") !== client.permissions.join(" ") || lists.dirty || userTokens.allowLogin !== client.allowLogin || userTokens.allowImpersonate !== client.allowImpersonate;
  const { requestClose, guard } = useFormDiscardGuard(dirty, onClose);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const entries = lists.collect();
    if (entries === null || invalid) return;
    setError(null);
    const result = await update({ id: client.id, input: { name, description, ...entries, ...userTokens }, permissions });
    if ("error" in result) setError(result.error);
    else onSaved();
  };
  return (
    <Dialog open title={t("edit.title", { name: client.name })} onClose={requestClose} wide>
      <form onSubmit={submit} noValidate>
        <div className="dialog-body">
          <ErrorBanner message={error?.message} />
          <section className="fixed-facts" aria-labelledby="edit-fixed-title">
            <h3 id="edit-fixed-title">{t("edit.fixedTitle")}</h3>
            <p className="hint">{t("edit.fixedWhy")}</p>
            <dl className="facts">
              <dt>{t("clients.clientId")}</dt>
              <dd className="mono">{client.clientId}</dd>
              <dt>{t("clients.environment")}</dt>
              <dd>{client.environment === "LIVE" ? t("env.live") : t("env.staging")}</dd>
              <dt>{t("clients.expires")}</dt>
              <dd>{client.expiresAt === null ? t("clients.never") : formatDate(client.expiresAt, language)}</dd>
              <dt>{t("clients.scopes")}</dt>
              <dd>{client.scopes === null ? t("clients.allApis") : scopeLabels(apis, client.scopes, language).join(", ")}</dd>
            </dl>
          </section>
          <FormField label={t("clients.name")} value={name} onChange={(event) => setName(event.target.value)} error={nameProblem ?? fieldError(error, "name")} required />
          <TextAreaField label={t("clients.description")} value={description} onChange={(event) => setDescription(event.target.value)} rows={2} error={descriptionProblem} />
          <PermissionGrid apis={visibleApis(apis, client.scopes)} presets={presets} selected={permissions} onChange={setPermissions} />
          {lists.fields}
          <UserTokenFlagsField value={userTokens} onChange={setUserTokens} />
        </div>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={requestClose} disabled={busy}>
            {t("common.cancel")}
          </button>
          <button type="submit" className="button button-primary" disabled={busy || invalid} aria-busy={busy}>
            {busy ? t("common.working") : t("common.save")}
          </button>
        </div>
      </form>
      {guard}
    </Dialog>
  );
}
