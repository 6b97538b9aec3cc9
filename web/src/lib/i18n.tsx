import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import en from "../locales/en.json";
import sv from "../locales/sv.json";

export type Language = "en" | "sv";
export type MessageKey = keyof typeof en;

const MESSAGES: Record<Language, Record<string, string>> = { en, sv };
const STORAGE_KEY = "clavis.language";

let current: Language = "en";

/** The language the provider shows, for code outside React (error translation): kept up to date by I18nProvider. */
export function currentLanguage(): Language {
  return current;
}

/** True when `key` has a text in English (every key has one; Swedish falls back to it). */
export function hasMessage(key: string): key is MessageKey {
  return Object.hasOwn(MESSAGES.en, key);
}

export function detectLanguage(): Language {
  const stored = window.localStorage.getItem(STORAGE_KEY);
  if (stored === "en" || stored === "sv") return stored;
  return navigator.languages.some((language) => language.toLowerCase().startsWith("sv")) ? "sv" : "en";
}

/** `{name}` placeholders are filled from `values`. */
export function translate(language: Language, key: MessageKey, values: Record<string, string | number> = {}): string {
  const template = MESSAGES[language][key] ?? MESSAGES.en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}

interface I18n {
  language: Language;
  setLanguage(language: Language): void;
  t(key: MessageKey, values?: Record<string, string | number>): string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children, initial }: { children: ReactNode; initial?: Language }) {
  const [language, setLanguageState] = useState<Language>(() => {
    current = initial ?? detectLanguage();
    return current;
  });
  // Rendering with a language makes it current, before any child renders an error text.
  current = language;
  const setLanguage = useCallback((next: Language) => {
    current = next;
    window.localStorage.setItem(STORAGE_KEY, next);
    document.documentElement.lang = next;
    setLanguageState(next);
  }, []);
  const value = useMemo(() => ({ language, setLanguage, t: (key: MessageKey, values?: Record<string, string | number>) => translate(language, key, values) }), [language, setLanguage]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (i18n === null) throw new Error("useI18n needs an I18nProvider");
  return i18n;
}
