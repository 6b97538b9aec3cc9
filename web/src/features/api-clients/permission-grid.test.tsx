import { fireEvent, render, screen } from "@testing-library/react";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import { I18nProvider } from "../../lib/i18n";
import { PermissionGrid } from "./permission-grid";
import { APIS, PRESETS } from "./test-catalog";

function Harness({ initial = [] as string[], language = "en" }: { initial?: string[]; language?: "en" | "sv" }) {
  const [selected, setSelected] = useState(initial);
  return (
    <I18nProvider initial={language}>
      <PermissionGrid apis={APIS} presets={PRESETS} selected={selected} onChange={setSelected} />
      <output data-testid="selected">{selected.join(" ")}</output>
    </I18nProvider>
  );
}

const selected = () => screen.getByTestId("selected").textContent;

describe("<PermissionGrid>", () => {
  it("ticks View when Change is ticked", () => {
    render(<Harness />);
    fireEvent.click(screen.getByLabelText("Blogs: Change"));
    expect(selected()).toBe("blogs.read blogs.write");
    expect((screen.getByLabelText("Blogs: View") as HTMLInputElement).checked).toBe(true);
  });

  it("fills the grid from a role preset and marks the preset pressed", () => {
    render(<Harness />);
    fireEvent.click(screen.getByRole("button", { name: "Creator" }));
    expect(selected()).toBe("api.read blogs.read blogs.create flows.read");
    expect(screen.getByRole("button", { name: "Creator" }).getAttribute("aria-pressed")).toBe("true");
  });

  it("selects and unselects all", () => {
    render(<Harness />);
    fireEvent.click(screen.getByRole("button", { name: "Select all" }));
    expect(selected()?.split(" ")).toHaveLength(7);
    expect(screen.getByRole("button", { name: "Admin" }).getAttribute("aria-pressed")).toBe("true");
    fireEvent.click(screen.getByRole("button", { name: "Unselect all" }));
    expect(selected()).toBe("");
  });

  it("speaks Swedish", () => {
    render(<Harness language="sv" />);
    expect(screen.getByRole("button", { name: "Läsare" })).toBeTruthy();
    expect(screen.getByLabelText("Bloggar: Ändra")).toBeTruthy();
  });
});
