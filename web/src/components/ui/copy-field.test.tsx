import { act, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { I18nProvider } from "../../lib/i18n";
import { CopyField } from "./copy-field";

function renderField() {
  render(
    <I18nProvider initial="en">
      <CopyField label="Client secret" value="clv_live_s3cr3t" copyLabel="Copy" copiedLabel="Copied" />
    </I18nProvider>,
  );
  return screen.getByLabelText("Client secret") as HTMLInputElement;
}

function setClipboard(clipboard: unknown) {
  Object.defineProperty(navigator, "clipboard", { value: clipboard, configurable: true });
}

describe("<CopyField>", () => {
  afterEach(() => setClipboard(undefined));

  it("says Copied once the clipboard took the value", async () => {
    const written: string[] = [];
    setClipboard({ writeText: async (text: string) => void written.push(text) });
    renderField();
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Copy: Client secret" })));
    expect(written).toEqual(["clv_live_s3cr3t"]);
    expect(screen.getByRole("button", { name: "Copy: Client secret" }).textContent).toBe("Copied");
  });

  it("selects the text and says which keys copy it when there is no async clipboard", async () => {
    setClipboard(undefined);
    const input = renderField();
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Copy: Client secret" })));
    expect(document.activeElement).toBe(input);
    expect([input.selectionStart, input.selectionEnd]).toEqual([0, "clv_live_s3cr3t".length]);
    expect(screen.getByRole("status").textContent).toMatch(/^Press (Ctrl\+C|⌘C) to copy/);
  });

  it("falls back the same way when the clipboard refuses", async () => {
    setClipboard({ writeText: async () => Promise.reject(new DOMException("denied", "NotAllowedError")) });
    renderField();
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Copy: Client secret" })));
    expect(screen.getByRole("status").textContent).toMatch(/to copy/);
  });
});

describe("<CopyField inline>", () => {
  afterEach(() => setClipboard(undefined));

  it("selects the shown id and says which keys copy it when there is no async clipboard", async () => {
    setClipboard(undefined);
    render(
      <I18nProvider initial="en">
        <CopyField label="Client id" value="acme.reporting" copyLabel="Copy" copiedLabel="Copied" inline />
      </I18nProvider>,
    );
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Copy: Client id" })));
    expect(window.getSelection()?.toString()).toBe("acme.reporting");
    expect(screen.getByRole("status").textContent).toMatch(/to copy/);
  });
});
