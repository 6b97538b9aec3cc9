import { useState, type FormEvent } from "react";
import { Dialog } from "../../components/ui/dialog";
import { ErrorBanner } from "../../components/ui/error-banner";
import { FormField } from "../../components/ui/form-field";
import { TextAreaField } from "../../components/ui/text-area-field";
import { oneYearAhead } from "../../lib/format";
import { fieldError, type AppErrorInfo } from "../../lib/graphql-errors";
import { useI18n } from "../../lib/i18n";
import type { CatalogApi, RolePreset, SecretPayload } from "./api-clients.graphql";
import { chosenIdLimits, chosenIdProblem, CLIENT_ID_MAX, descriptionProblem as descriptionRule, finalClientId, nameProblem as nameRule } from "./client-rules";
import { useClientListFields } from "./client-list-fields";
import { PermissionGrid } from "./permission-grid";
import { order, presetSelection, visibleApis } from "./permission-grid-state";
import { useApiClientMutations } from "./use-api-clients";
import { useFormDiscardGuard } from "./use-form-discard-guard";
import { UserTokenFlagsField, type UserTokenFlags } from "./user-token-flags-field";
import { AuthMethodField } from "./auth-method-field";
import { authChoiceInput, INITIAL_AUTH_CHOICE, shownAuthProblems } from "./secretless-rules";
import { useFederationIssuers } from "./use-secretless";

interface CreateApiClientDialogProps {
  organizationId: string;
  /** The organization's slug: a chosen client id is stored as `<slug>.<chosen>`. */
  slug: string;
  apis: CatalogApi[];
  presets: RolePreset[];
  onClose(): void;
  onCreated(result: SecretPayload): void;
}

export function CreateApiClientDialog({ organizationId, slug, apis, presets, onClose, onCreated }: CreateApiClientDialogProps) {
  const { t, language } = useI18n();
  const { create, busy } = useApiClientMutations();
  const reader = presets.find((preset) => preset.name === "reader");
  const initialPermissions = reader === undefined ? [] : presetSelection(reader, apis);
  const initialExpiry = oneYearAhead();
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [clientId, setClientId] = useState("");
  const [environment, setEnvironment] = useState<"LIVE" | "STAGING">("LIVE");
  const [scopes, setScopes] = useState<string[] | null>(null);
  const [permissions, setPermissions] = useState<string[]>(initialPermissions);
  const [expiresOn, setExpiresOn] = useState(initialExpiry);
  const lists = useClientListFields({ allowedIps: [], redirectUris: [] });
  const [userTokens, setUserTokens] = useState<UserTokenFlags>({ allowLogin: false, allowImpersonate: false });
  const [auth, setAuth] = useState(INITIAL_AUTH_CHOICE);
  const issuers = useFederationIssuers();
  const [touched, setTouched] = useState(false);
  const [submitted, setSubmitted] = useState(false);
  const [error, setError] = useState<AppErrorInfo | null>(null);

  const limits = chosenIdLimits(slug);
  const shown = visibleApis(apis, scopes);
  const nameProblem = touched || name !== "" ? nameRule(name) : undefined;
  const idIssue = clientId === "" ? undefined : chosenIdProblem(clientId, limits);
  const idProblem = idIssue === undefined ? undefined : t(idIssue.key, idIssue.params);
  const descriptionProblem = descriptionRule(description);
  const authResult = authChoiceInput(auth);
  const invalid = nameRule(name) !== undefined || idProblem !== undefined || descriptionProblem !== undefined || lists.hasProblems;
  const dirty =
    name !== "" || description !== "" || clientId !== "" || environment !== "LIVE" || scopes !== null || expiresOn !== initialExpiry || lists.dirty || userTokens.allowLogin || userTokens.allowImpersonate || permissions.join(" ") !== initialPermissions.join(" ") || auth !== INITIAL_AUTH_CHOICE;
  const { requestClose, guard } = useFormDiscardGuard(dirty, onClose);

  const changeScopes = (next: string[] | null) => {
    setScopes(next);
    setPermissions(order(visibleApis(apis, next), permissions));
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    setSubmitted(true);
    const entries = lists.collect();
    if (entries === null || invalid || "problems" in authResult) return;
    setError(null);
    const result = await create({
      organizationId,
      name,
      description,
      clientId: clientId === "" ? null : clientId,
      environment,
      permissions,
      scopes,
      expiresAt: expiresOn === "" ? null : new Date(`${expiresOn}T23:59:59.999Z`).toISOString(),
      ...entries,
      ...userTokens,
      ...authResult.input,
    });
    if ("error" in result) setError(result.error);
    else onCreated(result.data.createApiClient);
  };
  const finalId = finalClientId(slug, clientId);

  return (
    <Dialog open title={t("clients.create")} onClose={requestClose} wide>
      <form onSubmit={submit} noValidate>
        <div className="dialog-body">
          <ErrorBanner message={error?.message} />
          <FormField label={t("clients.name")} value={name} onChange={(event) => setName(event.target.value)} onBlur={() => setTouched(true)} error={nameProblem ?? fieldError(error, "name")} required maxLength={100} />
          <TextAreaField label={t("clients.description")} value={description} onChange={(event) => setDescription(event.target.value)} rows={2} error={descriptionProblem} />
          <FormField
            label={t("clients.ownClientId")}
            value={clientId}
            onChange={(event) => setClientId(event.target.value.trim())}
            error={idProblem ?? fieldError(error, "clientId")}
            hint={t("clients.ownClientIdHint", { prefix: limits.prefix, min: limits.min, max: limits.max, total: CLIENT_ID_MAX })}
            placeholder="reporting-service"
            autoCapitalize="none"
            spellCheck={false}
          />
          {clientId !== "" && (
            <p className="client-id-preview">
              {t("clients.finalId")} <code>{finalId}</code> <span className="hint">{t("clients.finalIdLength", { length: finalId.length, max: CLIENT_ID_MAX })}</span>
            </p>
          )}
          <fieldset className="inline-choices">
            <legend>{t("clients.environment")}</legend>
            {(["LIVE", "STAGING"] as const).map((value) => (
              <label key={value} className="checkbox">
                <input type="radio" name="environment" checked={environment === value} onChange={() => setEnvironment(value)} />
                {value === "LIVE" ? t("env.live") : t("env.staging")}
              </label>
            ))}
          </fieldset>
          <AuthMethodField value={auth} onChange={setAuth} issuers={issuers} problems={"problems" in authResult ? shownAuthProblems(authResult.problems, submitted, auth.keyText) : {}} error={error} />
          <fieldset className="inline-choices">
            <legend>{t("clients.scopes")}</legend>
            <label className="checkbox">
              <input type="checkbox" checked={scopes !== null} onChange={(event) => changeScopes(event.target.checked ? apis.map((api) => api.name) : null)} />
              {t("clients.limitScopes")}
            </label>
            {scopes !== null &&
              apis.map((api) => (
                <label key={api.name} className="checkbox">
                  <input type="checkbox" checked={scopes.includes(api.name)} onChange={(event) => changeScopes(event.target.checked ? [...scopes, api.name] : scopes.filter((scope) => scope !== api.name))} />
                  {api.title[language]}
                </label>
              ))}
            {fieldError(error, "scopes") !== undefined && <p className="field-error" role="alert">{fieldError(error, "scopes")}</p>}
          </fieldset>
          <PermissionGrid apis={shown} presets={presets} selected={permissions} onChange={setPermissions} />
          {fieldError(error, "permissions") !== undefined && <p className="field-error" role="alert">{fieldError(error, "permissions")}</p>}
          <FormField label={t("clients.expiry")} type="date" value={expiresOn} min={new Date(Date.now() + 86_400_000).toISOString().slice(0, 10)} onChange={(event) => setExpiresOn(event.target.value)} error={fieldError(error, "expiresAt")} hint={t("clients.expiryHint")} />
          {lists.fields}
          <UserTokenFlagsField value={userTokens} onChange={setUserTokens} />
        </div>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={requestClose} disabled={busy}>
            {t("common.cancel")}
          </button>
          <button type="submit" className="button button-primary" disabled={busy || (touched && invalid)} aria-busy={busy}>
            {busy ? t("common.working") : t("clients.create")}
          </button>
        </div>
      </form>
      {guard}
    </Dialog>
  );
}
