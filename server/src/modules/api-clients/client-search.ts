/**
 * Search text folded the same way on every database: NFKC (so "ﬁ" is "fi" and a decomposed "å"
 * is one character), then case folded through upper case (so "ß" is "ss" and every script's
 * capitals match). SQLite's LOWER folds ASCII only, and MySQL's collations fold differently per
 * version, so the service folds in JavaScript and the database compares bytes.
 */
export function foldForSearch(text: string): string {
  return text.normalize("NFKC").toUpperCase().toLowerCase();
}

/** A character no search can contain: fields never run into one another. */
const SEPARATOR = "\u001f";

/** The api_clients.search_text of a client: its name, client id and description, folded. */
export function clientSearchText(client: { name: string; clientId: string; description: string }): string {
  return [client.name, client.clientId, client.description].map(foldForSearch).join(SEPARATOR);
}

/** The LIKE pattern for a search, or null when there is nothing to search for. */
export function searchPattern(search: string | null | undefined): string | null {
  const folded = foldForSearch((search ?? "").replaceAll(SEPARATOR, "").trim());
  if (folded === "") return null;
  // "!" escapes LIKE wildcards: a backslash means different things to SQLite and MySQL.
  return `%${folded.replace(/[!%_]/g, (char) => `!${char}`)}%`;
}

/**
 * The language a list is sorted for: a BCP 47 tag this Node knows ("sv", "en-GB"), taken from
 * the first usable entry of an argument or an Accept-Language header; English otherwise.
 */
export function collationLanguage(...candidates: (string | null | undefined)[]): string {
  for (const candidate of candidates) {
    for (const entry of (candidate ?? "").split(",").slice(0, 10)) {
      const tag = entry.split(";")[0].trim();
      if (!/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,4}$/.test(tag)) continue;
      const [supported] = Intl.Collator.supportedLocalesOf([tag]);
      if (supported !== undefined) return supported;
    }
  }
  return "en";
}
