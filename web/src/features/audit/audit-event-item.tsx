import type { ReactNode } from "react";
import { formatDateTime } from "../../lib/format";
import { hasMessage, useI18n } from "../../lib/i18n";
import { auditChanges, formatValue, type ValueContext } from "./audit-changes";
import type { AuditCatalogApi, AuditEvent } from "./audit.graphql";

const ACTIONS: Record<string, string> = {
  "api_client.created": "audit.action.created",
  "api_client.updated": "audit.action.updated",
  "api_client.permissions_updated": "audit.action.permissions",
  "api_client.secret_reset": "audit.action.reset",
  "api_client.deleted": "audit.action.deleted",
  "api_client.disabled": "audit.action.disabled",
  "api_client.enabled": "audit.action.enabled",
  "api_client.tokens_revoked": "audit.action.tokensRevoked",
  "token.refused": "audit.action.refused",
  "member.added": "audit.action.memberAdded",
  "member.removed": "audit.action.memberRemoved",
  "member.role_changed": "audit.action.memberRole",
  "organization.created": "audit.action.orgCreated",
  "organization.updated": "audit.action.orgUpdated",
  "invitation.created": "audit.action.invitationCreated",
  "invitation.withdrawn": "audit.action.invitationWithdrawn",
  "invitation.accepted": "audit.action.invitationAccepted",
  "user.password_changed": "audit.action.passwordChanged",
  "user.sessions_signed_out": "audit.action.sessionsSignedOut",
  "user_token.issued": "audit.action.userTokenIssued",
  "signing_key.rotated": "audit.action.keyRotated",
  "operator.invited": "audit.action.operatorInvited",
  "operator.invitation_withdrawn": "audit.action.operatorInvitationWithdrawn",
  "operator.added": "audit.action.operatorAdded",
  "operator.removed": "audit.action.operatorRemoved",
  "api_client.key_added": "audit.action.keyAdded",
  "api_client.key_removed": "audit.action.keyRemoved",
  "api_client.federated_credential_added": "audit.action.credentialAdded",
  "api_client.federated_credential_removed": "audit.action.credentialRemoved",
};

/** One event as a card: what, about what, who, when, from where, why, and each change. */
export function AuditEventItem({ event, catalog }: { event: AuditEvent; catalog: AuditCatalogApi[] }) {
  const { t, language } = useI18n();
  const text = (key: string, values?: Record<string, string | number>) => (hasMessage(key) ? t(key, values) : null);
  const context: ValueContext = { language, catalog, text };
  const changes = auditChanges(event.changes);
  const action = ACTIONS[event.action];
  const reason = event.reason === null ? null : text(`audit.reason.${event.reason}`);
  return (
    <li className="audit-event">
      <p className="item-title">
        {(action === undefined ? null : text(action)) ?? event.action}
        {event.targetLabel !== null && <span className="audit-target">: {event.targetLabel}</span>}
      </p>
      <dl className="facts">
        <dt>{t("audit.who")}</dt>
        <dd>{actorText(event.actor, text)}</dd>
        <dt>{t("audit.when")}</dt>
        <dd>{formatDateTime(event.createdAt, language)}</dd>
        <dt>{t("audit.from")}</dt>
        <dd className="mono">{event.ip ?? "—"}</dd>
        {reason !== null && (
          <>
            <dt>{t("audit.why")}</dt>
            <dd>{reason}</dd>
          </>
        )}
        {changes.map((change) => (
          <FieldChange key={change.field} label={text(`audit.field.${change.field}`) ?? change.field}>
            {change.changed ? (
              <>
                {formatValue(change.field, change.before, context)} <span aria-hidden="true">→</span>
                <span className="visually-hidden">{t("audit.changedTo")}</span> {formatValue(change.field, change.after, context)}
              </>
            ) : (
              formatValue(change.field, change.after, context)
            )}
          </FieldChange>
        ))}
      </dl>
    </li>
  );
}

function FieldChange({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

function actorText(actor: AuditEvent["actor"], text: (key: string, values?: Record<string, string | number>) => string | null): string {
  switch (actor.type) {
    case "USER":
      return actor.label;
    case "CLIENT":
      return text("audit.actor.client", { clientId: actor.label }) ?? actor.label;
    case "CLI":
      return text("audit.actor.cli") ?? actor.label;
    case "SYSTEM":
      return text("audit.actor.system") ?? actor.label;
    case "ANONYMOUS":
      return text("audit.actor.anonymous") ?? actor.label;
    default:
      return actor.label;
  }
}
