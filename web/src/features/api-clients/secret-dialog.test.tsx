import { fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { I18nProvider } from "../../lib/i18n";
import { SecretDialog } from "./secret-dialog";

describe("<SecretDialog>", () => {
  it("shows id and secret, and closes only after 'I have stored the secret' is ticked", () => {
    const onClose = vi.fn();
    render(
      <I18nProvider initial="en">
        <SecretDialog clientId="abc123" secret="clv_live_s3cr3t" onClose={onClose} />
      </I18nProvider>,
    );
    expect((screen.getByLabelText("Client id") as HTMLInputElement).value).toBe("abc123");
    expect((screen.getByLabelText("Client secret") as HTMLInputElement).value).toBe("clv_live_s3cr3t");
    expect(screen.getByText(/only time the secret is shown/)).toBeTruthy();
    const close = screen.getByRole("button", { name: "Close" }) as HTMLButtonElement;
    expect(close.disabled).toBe(true);
    fireEvent(screen.getByRole("dialog", { hidden: true }), new Event("cancel", { cancelable: true }));
    expect(onClose).not.toHaveBeenCalled();
    fireEvent.click(screen.getByLabelText("I have stored the secret"));
    expect(close.disabled).toBe(false);
    fireEvent.click(close);
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});
