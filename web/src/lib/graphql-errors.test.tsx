import { CombinedGraphQLErrors } from "@apollo/client";
import { render } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { errorText, fieldError, toAppError } from "./graphql-errors";
import { I18nProvider, type Language } from "./i18n";

function inLanguage(language: Language) {
  render(<I18nProvider initial={language}>{null}</I18nProvider>);
}

const validation = new CombinedGraphQLErrors({
  errors: [
    {
      message: "2 fields are invalid",
      extensions: {
        code: "BAD_USER_INPUT",
        reason: "BAD_USER_INPUT",
        params: {},
        fields: [
          { field: "expiresAt", reason: "EXPIRY_IN_PAST", message: "Expiry must be in the future" },
          { field: "clientId", reason: "CLIENT_ID_LENGTH", params: { min: 3, max: 51, prefix: "acme-ab-rpvn." }, message: "Client id must be 3–51 characters" },
        ],
      },
    },
  ],
});

describe("server errors in the user's language", () => {
  it("translates field errors from their reason and parameters", () => {
    inLanguage("sv");
    const error = toAppError(validation);
    expect(fieldError(error, "expiresAt")).toBe("Utgångsdatumet måste ligga i framtiden.");
    expect(fieldError(error, "clientId")).toBe("Den del du väljer måste vara 3–51 tecken lång: acme-ab-rpvn. läggs till före, och hela klient-id:t är högst 64 tecken.");
    expect(error.message).toBe("Några fält är inte giltiga: se meddelandena vid dem.");
    inLanguage("en");
    expect(fieldError(toAppError(validation), "expiresAt")).toBe("The expiry date must be in the future.");
  });

  it("falls back to the code's text, never the server's English, for a reason it does not know", () => {
    inLanguage("sv");
    const unknown = new CombinedGraphQLErrors({ errors: [{ message: "Something new went wrong", extensions: { code: "CONFLICT", reason: "SOMETHING_NEW" } }] });
    expect(toAppError(unknown).message).toBe("Någon annan ändrade samtidigt. Ladda om sidan och försök igen.");
    const bare = new CombinedGraphQLErrors({ errors: [{ message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } }] });
    expect(toAppError(bare).message).toBe("Något gick fel på servern. Försök igen om en stund.");
    expect(toAppError(new TypeError("Failed to fetch")).message).toBe("Kunde inte nå Clavis. Kontrollera anslutningen och försök igen.");
    expect(errorText("NOT_A_REASON", {}, "NOT_A_CODE")).toBe("Något gick fel. Försök igen.");
  });

  it("fills parameters into non-field errors", () => {
    inLanguage("sv");
    const limit = new CombinedGraphQLErrors({ errors: [{ message: "This organization has reached its limit", extensions: { code: "LIMIT_EXCEEDED", reason: "CLIENT_LIMIT_REACHED", params: { max: 10 } } }] });
    expect(toAppError(limit)).toMatchObject({ code: "LIMIT_EXCEEDED", reason: "CLIENT_LIMIT_REACHED", message: "Organisationen har nått sin gräns på 10 API-klienter. Ta bort en, eller be plattformens operatör om en högre gräns." });
  });
});
