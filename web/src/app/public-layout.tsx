import type { ReactNode } from "react";
import { LanguageSelect } from "./language-select";

/** Screens before the app (setup, sign-in, an invitation): the brand and a language switch above. */
export function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <div className="public">
      <header className="public-bar">
        <span className="brand">Clavis</span>
        <LanguageSelect />
      </header>
      <main className="auth-page">{children}</main>
    </div>
  );
}
