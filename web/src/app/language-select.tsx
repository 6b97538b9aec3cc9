import { useI18n, type Language } from "../lib/i18n";

/** Each language named in itself, so a reader of either finds theirs. */
export function LanguageSelect() {
  const { t, language, setLanguage } = useI18n();
  return (
    <select className="language-select" aria-label={t("app.language")} value={language} onChange={(event) => setLanguage(event.target.value as Language)}>
      <option value="en" lang="en">
        English
      </option>
      <option value="sv" lang="sv">
        Svenska
      </option>
    </select>
  );
}
