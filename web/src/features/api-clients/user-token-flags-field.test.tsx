import { fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { I18nProvider } from "../../lib/i18n";
import { UserTokenFlagsField } from "./user-token-flags-field";

describe("<UserTokenFlagsField>", () => {
  it("shows both flags off, each with its warning as the box's description, and reports a tick", () => {
    const onChange = vi.fn();
    render(
      <I18nProvider initial="en">
        <UserTokenFlagsField value={{ allowLogin: false, allowImpersonate: false }} onChange={onChange} />
      </I18nProvider>,
    );
    expect(screen.getByRole("group", { name: "Acting for your platform's users" })).toBeTruthy();
    const login = screen.getByRole("checkbox", { name: "May log in as a user with that user's password" }) as HTMLInputElement;
    const impersonate = screen.getByRole("checkbox", { name: "May act as any user without a password" }) as HTMLInputElement;
    expect([login.checked, impersonate.checked]).toEqual([false, false]);
    expect(document.getElementById(login.getAttribute("aria-describedby") as string)?.textContent).toMatch(/^Whoever holds this client's secret can act as any of your platform's users whose username and password/);
    expect(document.getElementById(impersonate.getAttribute("aria-describedby") as string)?.textContent).toMatch(/naming them only by username or id\. Only for your own trusted services/);
    fireEvent.click(impersonate);
    expect(onChange).toHaveBeenCalledWith({ allowLogin: false, allowImpersonate: true });
  });

  it("keeps the other flag when one is cleared, and can be shown disabled", () => {
    const onChange = vi.fn();
    const { rerender } = render(
      <I18nProvider initial="en">
        <UserTokenFlagsField value={{ allowLogin: true, allowImpersonate: true }} onChange={onChange} />
      </I18nProvider>,
    );
    fireEvent.click(screen.getByRole("checkbox", { name: "May log in as a user with that user's password" }));
    expect(onChange).toHaveBeenCalledWith({ allowLogin: false, allowImpersonate: true });
    rerender(
      <I18nProvider initial="en">
        <UserTokenFlagsField value={{ allowLogin: true, allowImpersonate: true }} onChange={onChange} disabled />
      </I18nProvider>,
    );
    expect(screen.getAllByRole("checkbox").map((box) => (box as HTMLInputElement).disabled)).toEqual([true, true]);
  });

  it("speaks Swedish", () => {
    render(
      <I18nProvider initial="sv">
        <UserTokenFlagsField value={{ allowLogin: false, allowImpersonate: false }} onChange={() => undefined} />
      </I18nProvider>,
    );
    expect(screen.getByRole("group", { name: "Agera för plattformens användare" })).toBeTruthy();
    expect(screen.getByRole("checkbox", { name: "Får agera som vilken användare som helst utan lösenord" })).toBeTruthy();
  });
});
