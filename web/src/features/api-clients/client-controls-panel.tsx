import { useEffect, useState, type FormEvent } from "react";
import { ConfirmDialog } from "../../components/ui/confirm-dialog";
import { ErrorBanner } from "../../components/ui/error-banner";
import { FormField } from "../../components/ui/form-field";
import { TextAreaField } from "../../components/ui/text-area-field";
import { useToast } from "../../components/ui/toast";
import { formatDateTime } from "../../lib/format";
import type { AppErrorInfo } from "../../lib/graphql-errors";
import { useI18n } from "../../lib/i18n";
import type { ClientControls } from "./client-controls.graphql";
import { formatDuration } from "./format-duration";
import { useClientControlMutations, useClientControls } from "./use-client-controls";

type Confirming = "disable" | "enable" | "revoke" | null;
interface FieldErrors {
  ttl?: string;
  claims?: string;
}

const claimsText = (claims: Record<string, unknown>) => (Object.keys(claims).length === 0 ? "" : JSON.stringify(claims, null, 2));

/**
 * Issue 17's "Token controls": the client's own token lifetime (up to the organization's),
 * its custom claims as JSON, disable/enable and "Revoke all tokens", each confirmed first.
 */
export function ClientControlsPanel({ id, name, organizationTtl, canEdit }: { id: string; name: string; organizationTtl: number | null; canEdit: boolean }) {
  const { t, language } = useI18n();
  const { data } = useClientControls(id);
  const controls = data?.apiClient;
  if (controls === undefined) return null;
  return (
    <section className="card client-controls" aria-labelledby="controls-title">
      <h2 id="controls-title">{t("controls.title")}</h2>
      <p>
        {controls.disabled ? <span className="badge badge-disabled">{t("controls.disabledBadge")}</span> : <span className="badge badge-enabled">{t("controls.enabledBadge")}</span>}{" "}
        <span className="hint">{controls.disabled ? t("controls.disabledHint") : t("controls.enabledHint")}</span>
      </p>
      {controls.tokensRevokedAt !== null && <p className="hint">{t("controls.revokedAt", { date: formatDateTime(controls.tokensRevokedAt, language) })}</p>}
      {canEdit ? <ControlsForm controls={controls} name={name} organizationTtl={organizationTtl} /> : <ControlsFacts controls={controls} organizationTtl={organizationTtl} />}
    </section>
  );
}

function ControlsFacts({ controls, organizationTtl }: { controls: ClientControls; organizationTtl: number | null }) {
  const { t } = useI18n();
  return (
    <dl className="facts">
      <dt>{t("controls.lifetime")}</dt>
      <dd>{controls.accessTokenTtlSeconds === null ? t("controls.lifetimeOrganization", { duration: organizationTtl === null ? "—" : formatDuration(organizationTtl, t) }) : formatDuration(controls.accessTokenTtlSeconds, t)}</dd>
      <dt>{t("controls.claims")}</dt>
      <dd className="mono prewrap">{claimsText(controls.customClaims) || "—"}</dd>
    </dl>
  );
}

function ControlsForm({ controls, name, organizationTtl }: { controls: ClientControls; name: string; organizationTtl: number | null }) {
  const { t } = useI18n();
  const toast = useToast();
  const { busy, setDisabled, revokeTokens, updateTokenSettings } = useClientControlMutations();
  const [ttl, setTtl] = useState(controls.accessTokenTtlSeconds === null ? "" : String(controls.accessTokenTtlSeconds));
  const [claims, setClaims] = useState(claimsText(controls.customClaims));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<Confirming>(null);
  useEffect(() => {
    setTtl(controls.accessTokenTtlSeconds === null ? "" : String(controls.accessTokenTtlSeconds));
    setClaims(claimsText(controls.customClaims));
  }, [controls.accessTokenTtlSeconds, controls.customClaims]);

  const showError = (failure: AppErrorInfo) => {
    const of = (field: string) => failure.fields.filter((item) => item.field === field).map((item) => item.message).join(" ") || undefined;
    const fields = { ttl: of("accessTokenTtlSeconds"), claims: of("customClaims") };
    setErrors(fields);
    setError(fields.ttl === undefined && fields.claims === undefined ? failure.message : null);
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const local: FieldErrors = {};
    const seconds = ttl.trim() === "" ? null : Number(ttl);
    if (seconds !== null && !Number.isInteger(seconds)) local.ttl = t("controls.lifetimeWhole");
    let parsed: Record<string, unknown> = {};
    if (claims.trim() !== "") {
      try {
        parsed = JSON.parse(claims) as Record<string, unknown>;
        if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) local.claims = t("controls.claimsNotObject");
      } catch {
        local.claims = t("controls.claimsNotJson");
      }
    }
    setErrors(local);
    setError(null);
    if (local.ttl !== undefined || local.claims !== undefined) return;
    const result = await updateTokenSettings({ id: controls.id, input: { accessTokenTtlSeconds: seconds, customClaims: parsed } });
    if ("error" in result) showError(result.error);
    else toast(t("toast.saved"));
  };

  const confirm = async () => {
    const action = confirming;
    const result = action === "revoke" ? await revokeTokens(controls.id) : await setDisabled(controls.id, action === "disable");
    setConfirming(null);
    if ("error" in result) setError(result.error.message);
    else toast(t(action === "revoke" ? "controls.revokedToast" : action === "disable" ? "controls.disabledToast" : "controls.enabledToast"));
  };

  return (
    <>
      <ErrorBanner message={error} />
      <form onSubmit={save} noValidate>
        <FormField
          label={t("controls.lifetimeSeconds")}
          type="number"
          inputMode="numeric"
          min={60}
          max={organizationTtl ?? undefined}
          value={ttl}
          placeholder={organizationTtl === null ? undefined : String(organizationTtl)}
          onChange={(event) => setTtl(event.target.value)}
          error={errors.ttl}
          hint={organizationTtl === null ? undefined : t("controls.lifetimeHint", { max: organizationTtl, duration: formatDuration(organizationTtl, t) })}
        />
        <TextAreaField label={t("controls.claims")} className="mono" rows={5} spellCheck={false} value={claims} onChange={(event) => setClaims(event.target.value)} error={errors.claims} />
        <p className="hint">{t("controls.claimsHint")}</p>
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {t("controls.save")}
          </button>
        </div>
      </form>
      <div className="actions controls-actions">
        {controls.disabled ? (
          <button type="button" className="button" onClick={() => setConfirming("enable")} disabled={busy}>
            {t("controls.enable")}
          </button>
        ) : (
          <button type="button" className="button button-danger" onClick={() => setConfirming("disable")} disabled={busy}>
            {t("controls.disable")}
          </button>
        )}
        <button type="button" className="button button-danger" onClick={() => setConfirming("revoke")} disabled={busy}>
          {t("controls.revoke")}
        </button>
      </div>
      {confirming !== null && (
        <ConfirmDialog
          open
          danger={confirming !== "enable"}
          title={t(confirming === "revoke" ? "controls.revokeTitle" : confirming === "disable" ? "controls.disableTitle" : "controls.enableTitle", { name })}
          confirmLabel={t(confirming === "revoke" ? "controls.revoke" : confirming === "disable" ? "controls.disable" : "controls.enable")}
          cancelLabel={t("common.cancel")}
          busy={busy}
          onConfirm={confirm}
          onCancel={() => setConfirming(null)}
        >
          <p>{t(confirming === "revoke" ? "controls.revokeBody" : confirming === "disable" ? "controls.disableBody" : "controls.enableBody")}</p>
        </ConfirmDialog>
      )}
    </>
  );
}
