import { useEffect } from "react";

/**
 * WCAG 2.4.2: each screen's title says where you are, most specific part first. `null` leaves the
 * title to a screen further down (the app shell names its screens itself).
 */
export function useDocumentTitle(parts: (string | undefined)[] | null): void {
  const named = parts?.filter((part): part is string => part !== undefined && part !== "") ?? null;
  // "Set up Clavis" names the product already.
  const title = named === null ? null : named.some((part) => part.includes("Clavis")) ? named.join(" – ") : [...named, "Clavis"].join(" – ");
  useEffect(() => {
    if (title !== null) document.title = title;
  }, [title]);
}
