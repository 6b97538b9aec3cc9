import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inspectScreen } from "./a11y.js";
import { expireClient, ownerPage, seedClient, startClientsWorld, type ClientsWorld } from "./api-clients-support.js";

const TEXT = {
  en: { create: "Create client", name: "Name", secretTitle: "Store the secret now", stored: "I have stored the secret", close: "Close", cancel: "Cancel", discard: "Discard your changes?", keep: "Keep editing", edit: "Edit", reset: "Reset secret", delete: "Delete", own: "Own client id (optional)", ip: "Allowed IP addresses: 203.0.113.0/24", empty: "No API clients yet" },
  sv: { create: "Skapa klient", name: "Namn", secretTitle: "Spara nyckeln nu", stored: "Jag har sparat nyckeln", close: "Stäng", cancel: "Avbryt", discard: "Kasta dina ändringar?", keep: "Fortsätt redigera", edit: "Redigera", reset: "Återställ nyckel", delete: "Radera", own: "Eget klient-id (valfritt)", ip: "Tillåtna IP-adresser: 203.0.113.0/24", empty: "Inga API-klienter än" },
} as const;

/**
 * Every API clients screen and open dialog, in English and Swedish: screenshots at 1280 and
 * 360 px (test-results/clients-<screen>-<lang>-<width>.png), no axe WCAG 2.1 A/AA violation and
 * no sideways scrolling at 360.
 */
describe("API clients screens pass axe and fit 360 px, in English and Swedish", () => {
  let world: ClientsWorld;
  const pages: Partial<Record<"en" | "sv", Page>> = {};
  const listPath = () => `${world.server.url}/organization/${world.organizationId}/api-clients`;
  let detailId = "";

  beforeAll(async () => {
    world = await startClientsWorld();
    pages.en = await ownerPage(world, "en");
    pages.sv = await ownerPage(world, "sv");
  });

  afterAll(async () => {
    await world?.stop();
  });

  for (const lang of ["en", "sv"] as const) {
    it(`the empty list (${lang})`, async () => {
      const page = pages[lang] as Page;
      await page.goto(listPath());
      await page.getByRole("heading", { name: TEXT[lang].empty }).waitFor();
      expect(await inspectScreen(page, `clients-empty-${lang}`)).toEqual([]);
    });
  }

  it("seeds clients of every kind", async () => {
    await seedClient(world, { name: "Reporting service", description: "Nightly reports to finance.\nContact: Åsa Öberg", allowedIps: ["203.0.113.0/24"] });
    await seedClient(world, { name: "N".repeat(100), description: "x".repeat(300), environment: "STAGING", role: "admin", scopes: ["blogs", "flows"] });
    const expired = await seedClient(world, { name: "Old integration" });
    await expireClient(world, expired.id);
    detailId = (await seedClient(world, { name: "Billing sync", description: "Pushes invoices", redirectUris: ["https://billing.example.com/cb"], scopes: ["blogs", "api-clients"], role: "creator" })).id;
  });

  for (const lang of ["en", "sv"] as const) {
    it(`the list, create, discard-confirm and secret dialogs (${lang})`, async () => {
      const page = pages[lang] as Page;
      const text = TEXT[lang];
      await page.goto(listPath());
      await page.getByRole("link", { name: /Billing sync/ }).waitFor();
      expect(await inspectScreen(page, `clients-list-${lang}`)).toEqual([]);

      await page.getByRole("button", { name: text.create }).click();
      const create = page.getByRole("dialog", { name: text.create });
      await create.getByLabel(text.name, { exact: true }).fill(`Screens ${lang}`);
      await create.getByLabel(text.own).fill(`screens-${lang}`);
      await create.getByLabel(text.ip).fill("10.0.0.0/99");
      expect(await inspectScreen(page, `clients-create-${lang}`)).toEqual([]);
      await create.getByLabel(text.ip).fill("");

      await page.keyboard.press("Escape");
      const discard = page.getByRole("dialog", { name: text.discard });
      await discard.waitFor();
      expect(await inspectScreen(page, `clients-discard-${lang}`)).toEqual([]);
      await discard.getByRole("button", { name: text.keep }).click();
      await discard.waitFor({ state: "hidden" });

      await create.getByRole("button", { name: text.create }).click();
      const secret = page.getByRole("dialog", { name: text.secretTitle });
      await secret.waitFor();
      expect(await inspectScreen(page, `clients-secret-${lang}`)).toEqual([]);
      await secret.getByLabel(text.stored).check();
      await secret.getByRole("button", { name: text.close }).click();
      await secret.waitFor({ state: "hidden" });
    });

    it(`the detail page, edit, reset and delete-confirm dialogs (${lang})`, async () => {
      const page = pages[lang] as Page;
      const text = TEXT[lang];
      await page.goto(`${listPath()}/${detailId}`);
      await page.getByRole("heading", { name: "Billing sync", level: 1 }).waitFor();
      expect(await inspectScreen(page, `clients-detail-${lang}`)).toEqual([]);

      for (const [button, screen] of [[text.edit, "edit"], [text.reset, "reset"], [text.delete, "delete"]] as const) {
        await page.getByRole("main").getByRole("button", { name: button, exact: true }).click();
        const dialog = page.getByRole("dialog");
        await dialog.waitFor();
        expect(await inspectScreen(page, `clients-${screen}-${lang}`)).toEqual([]);
        await dialog.getByRole("button", { name: text.cancel }).click();
        await dialog.waitFor({ state: "hidden" });
      }
    });
  }
});
