import { useId } from "react";
import { useI18n, type MessageKey } from "../../lib/i18n";

const TIPS: MessageKey[] = ["tips.neverShare", "tips.secretStore", "tips.leastPermissions", "tips.removeUnused", "tips.rotate", "tips.perEnvironment", "tips.stagingFirst"];

/** Short, translated advice on handling client secrets (the list page and the secret dialog). */
export function SecurityTips({ compact = false }: { compact?: boolean }) {
  const { t } = useI18n();
  const titleId = useId();
  return (
    <section className={compact ? "security-tips security-tips-compact" : "card security-tips"} aria-labelledby={titleId}>
      {compact ? <h3 id={titleId}>{t("tips.title")}</h3> : <h2 id={titleId}>{t("tips.title")}</h2>}
      <ul>
        {TIPS.map((tip) => (
          <li key={tip}>{t(tip)}</li>
        ))}
      </ul>
    </section>
  );
}
