import type { Language } from "./i18n";

export function formatDate(value: string | null | undefined, language: Language): string {
  if (value == null) return "—";
  return new Intl.DateTimeFormat(language === "sv" ? "sv-SE" : "en-GB", { dateStyle: "medium" }).format(new Date(value));
}

export function formatDateTime(value: string | null | undefined, language: Language): string {
  if (value == null) return "—";
  return new Intl.DateTimeFormat(language === "sv" ? "sv-SE" : "en-GB", { dateStyle: "medium", timeStyle: "short" }).format(new Date(value));
}

/** yyyy-mm-dd one year ahead: the default expiry of a new client. */
export function oneYearAhead(now = new Date()): string {
  const next = new Date(now);
  next.setFullYear(next.getFullYear() + 1);
  return next.toISOString().slice(0, 10);
}
