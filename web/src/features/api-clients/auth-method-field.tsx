import { useId } from "react";
import { fieldError, type AppErrorInfo } from "../../lib/graphql-errors";
import { useI18n, type MessageKey } from "../../lib/i18n";
import { FederatedCredentialFields } from "./federated-credential-fields";
import { PublicKeyFields } from "./public-key-fields";
import { fieldErrorUnder, type AuthChoice, type AuthChoiceProblems, type ClientAuthMethod } from "./secretless-rules";

export const METHOD_LABELS: Record<ClientAuthMethod, MessageKey> = { CLIENT_SECRET: "clientAuth.methodSecret", PRIVATE_KEY_JWT: "clientAuth.methodKey", FEDERATED: "clientAuth.methodFederated" };
export const METHOD_EXPLANATIONS: Record<ClientAuthMethod, MessageKey> = { CLIENT_SECRET: "clientAuth.methodSecretHint", PRIVATE_KEY_JWT: "clientAuth.methodKeyHint", FEDERATED: "clientAuth.methodFederatedHint" };

interface AuthMethodFieldProps {
  value: AuthChoice;
  onChange(next: AuthChoice): void;
  /** The operator's allowlist; Federated is offered only when it has an issuer. */
  issuers: string[];
  /** Shown once the form was submitted. */
  problems: AuthChoiceProblems;
  error: AppErrorInfo | null;
}

/** Issue 17: how a new client proves who it is, fixed at creation, with the fields of the method chosen. */
export function AuthMethodField({ value, onChange, issuers, problems, error }: AuthMethodFieldProps) {
  const { t } = useI18n();
  const id = useId();
  const methods: ClientAuthMethod[] = issuers.length > 0 ? ["CLIENT_SECRET", "PRIVATE_KEY_JWT", "FEDERATED"] : ["CLIENT_SECRET", "PRIVATE_KEY_JWT"];
  const serverFields = error?.fields ?? [];
  const choose = (method: ClientAuthMethod) => onChange({ ...value, method, credential: method === "FEDERATED" && value.credential.issuer === "" && issuers.length === 1 ? { ...value.credential, issuer: issuers[0] ?? "" } : value.credential });
  return (
    <fieldset className="auth-method">
      <legend>{t("clientAuth.title")}</legend>
      {methods.map((method) => (
        <div key={method} className="field auth-choice">
          <label className="checkbox">
            <input type="radio" name={`${id}-method`} checked={value.method === method} onChange={() => choose(method)} aria-describedby={`${id}-${method}`} />
            {t(METHOD_LABELS[method])}
          </label>
          <p className="hint" id={`${id}-${method}`}>
            {t(METHOD_EXPLANATIONS[method])}
          </p>
        </div>
      ))}
      {fieldError(error, "authMethod") !== undefined && <p className="field-error" role="alert">{fieldError(error, "authMethod")}</p>}
      {value.method === "PRIVATE_KEY_JWT" && (
        <div className="auth-details">
          <PublicKeyFields
            text={value.keyText}
            expiresOn={value.keyExpiresOn}
            onText={(keyText) => onChange({ ...value, keyText })}
            onExpiresOn={(keyExpiresOn) => onChange({ ...value, keyExpiresOn })}
            keyError={problems.key === undefined ? fieldErrorUnder(serverFields, ["publicKeys"]) : t(problems.key)}
            expiryError={fieldErrorUnder(serverFields, ["publicKeys"], "expiresAt")}
          />
        </div>
      )}
      {value.method === "FEDERATED" && (
        <div className="auth-details">
          <FederatedCredentialFields value={value.credential} onChange={(credential) => onChange({ ...value, credential })} issuers={issuers} problems={problems.credential ?? {}} serverError={(field) => fieldErrorUnder(serverFields, ["federatedCredentials"], field)} />
        </div>
      )}
    </fieldset>
  );
}
