import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inspectScreen } from "./a11y.js";
import { AppFixture, OWNER, type Language } from "./app-fixture.js";

const VIEWER = { email: "vera@acme.test", name: "Vera Viewer", password: "viewer password 1" };
const LANGUAGES: Language[] = ["en", "sv"];

const TEXT = {
  en: {
    setup: "Set up Clavis", password: "Password", again: "Password again", mismatch: "The passwords do not match", create: "Create organization",
    signIn: "Sign in to Clavis", noOrganization: "No organization yet", signOut: "Sign out", email: "E-mail", signInButton: "Sign in", overview: "Overview", members: "Members", account: "Account",
    invite: "Invite member", linkDialog: "Pass on the invitation link", copied: "I have copied the link", close: "Close", remove: "Remove",
    join: "Join Acme AB", readOnly: "Read-only:", tokenLifetime: "1 hour", invitation: "Invitation", signInTitle: "Sign in",
  },
  sv: {
    setup: "Kom igång med Clavis", password: "Lösenord", again: "Lösenordet igen", mismatch: "Lösenorden är inte lika", create: "Skapa organisation",
    signIn: "Logga in i Clavis", noOrganization: "Ingen organisation än", signOut: "Logga ut", email: "E-post", signInButton: "Logga in", overview: "Översikt", members: "Medlemmar", account: "Konto",
    invite: "Bjud in medlem", linkDialog: "Skicka vidare inbjudningslänken", copied: "Jag har kopierat länken", close: "Stäng", remove: "Ta bort",
    join: "Gå med i Acme AB", readOnly: "Endast läsning:", tokenLifetime: "1 timme", invitation: "Inbjudan", signInTitle: "Logga in",
  },
};

/**
 * Every screen of the shell, members, account and invitations, in English and Swedish, at 1280 and
 * 360 px: a screenshot in test-results/ (`<screen>-<lang>-<width>.png`), zero axe WCAG 2.1 A/AA
 * violations, and no sideways scrolling on the phone.
 */
describe("screens of the admin app, in both languages and at both widths", () => {
  const app = new AppFixture();
  const problems: string[] = [];
  const inspect = async (page: Page, name: string) => problems.push(...(await inspectScreen(page, name)));
  const title = (page: Page) => page.evaluate(() => document.title);

  beforeAll(() => app.start({ setup: false }));
  afterAll(() => app.stop());

  for (const language of LANGUAGES) {
    it(`setup in ${language}: refuses mismatched passwords without sending them, with the language switch`, async () => {
      problems.length = 0;
      const text = TEXT[language];
      const page = await app.newPage({ language });
      await page.goto(app.url("/"));
      await page.getByRole("heading", { name: text.setup }).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);
      await expect.poll(() => title(page)).toBe(text.setup);
      await inspect(page, `setup-${language}`);
      await page.getByLabel(language === "en" ? "Organization name" : "Organisationens namn").fill(OWNER.organization);
      await page.getByLabel(language === "en" ? "Your name" : "Ditt namn").fill(OWNER.name);
      await page.getByLabel(text.email).fill(OWNER.email);
      await page.getByLabel(text.password, { exact: true }).fill(OWNER.password);
      await page.getByLabel(text.again).fill(`${OWNER.password}!`);
      await page.getByRole("button", { name: text.create }).click();
      await page.getByText(text.mismatch).waitFor();
      expect(await page.getByLabel(text.again).getAttribute("aria-invalid")).toBe("true");
      expect((await app.owner.ok(`{ setupRequired }`)).setupRequired).toBe(true);
      await inspect(page, `setup-mismatch-${language}`);
      expect(problems).toEqual([]);
    });
  }

  it("setup in the browser creates the organization once both passwords agree", async () => {
    const page = await app.newPage();
    await page.goto(app.url("/"));
    await page.getByLabel("Language").selectOption("sv");
    await page.getByRole("heading", { name: TEXT.sv.setup }).waitFor();
    await page.getByLabel("Språk").selectOption("en");
    await page.getByLabel("Organization name").fill(OWNER.organization);
    await page.getByLabel("Your name").fill(OWNER.name);
    await page.getByLabel("E-mail").fill(OWNER.email);
    await page.getByLabel("Password", { exact: true }).fill(OWNER.password);
    await page.getByLabel("Password again").fill(OWNER.password);
    await page.getByRole("button", { name: "Create organization" }).click();
    await page.getByRole("heading", { name: "Overview" }).waitFor();
    app.organizationId = /\/organization\/([0-9a-f-]{36})$/.exec(page.url())?.[1] ?? "";
    expect(app.organizationId).toMatch(/^[0-9a-f-]{36}$/);
    app.owner = await app.signIn(OWNER.email, OWNER.password);
    await app.addMember({ ...VIEWER, role: "VIEWER" });
  });

  for (const language of LANGUAGES) {
    it(`sign-in in ${language}, and its error`, async () => {
      problems.length = 0;
      const text = TEXT[language];
      const page = await app.newPage({ language });
      await page.goto(app.url("/"));
      await page.getByRole("heading", { name: text.signIn }).waitFor();
      await expect.poll(() => title(page)).toBe(`${text.signInTitle} – Clavis`);
      await inspect(page, `sign-in-${language}`);
      await page.getByLabel(text.email).fill(OWNER.email);
      await page.getByLabel(text.password, { exact: true }).fill("not the password");
      await page.getByRole("button", { name: text.signInButton, exact: true }).click();
      await page.getByRole("alert").waitFor();
      await inspect(page, `sign-in-error-${language}`);
      expect(problems).toEqual([]);
    });

    it(`an owner's overview, members, dialogs and account in ${language}`, async () => {
      problems.length = 0;
      const text = TEXT[language];
      await app.invite(`pending-${language}@new.test`);
      const page = await app.newPage({ language, session: await app.signIn(OWNER.email, OWNER.password) });
      await page.goto(app.url(`/organization/${app.organizationId}`));
      await page.getByRole("heading", { name: text.overview, level: 1 }).waitFor();
      expect(await page.getByText(text.tokenLifetime, { exact: true }).isVisible()).toBe(true);
      await expect.poll(() => title(page)).toBe(`${text.overview} – Acme AB – Clavis`);
      await inspect(page, `overview-${language}`);

      await page.getByRole("navigation").getByRole("link", { name: text.members }).click();
      await page.getByRole("heading", { name: text.members, level: 1 }).waitFor();
      await page.getByText(`pending-${language}@new.test`).waitFor();
      await expect.poll(() => title(page)).toBe(`${text.members} – Acme AB – Clavis`);
      await inspect(page, `members-${language}`);

      await page.getByRole("button", { name: `${text.remove}: ${VIEWER.email}` }).click();
      await page.getByRole("dialog").waitFor();
      await inspect(page, `members-remove-confirm-${language}`);
      await page.keyboard.press("Escape");
      await expect.poll(() => page.getByRole("dialog").count()).toBe(0);

      await page.getByLabel(text.email, { exact: true }).fill(VIEWER.email);
      await page.getByRole("button", { name: text.invite }).click();
      await page.getByRole("form", { name: text.invite }).getByRole("alert").waitFor();
      await inspect(page, `members-invite-error-${language}`);

      await page.getByLabel(text.email, { exact: true }).fill(`linked-${language}@new.test`);
      await page.getByRole("button", { name: text.invite }).click();
      const dialog = page.getByRole("dialog", { name: text.linkDialog });
      await dialog.waitFor();
      await inspect(page, `invitation-link-dialog-${language}`);
      await dialog.getByLabel(text.copied).check();
      await dialog.getByRole("button", { name: text.close }).click();
      await expect.poll(() => dialog.isVisible()).toBe(false);

      await page.getByRole("banner").getByRole("link", { name: text.account }).click();
      await page.getByRole("heading", { name: text.account, level: 1 }).waitFor();
      await expect.poll(() => title(page)).toBe(`${text.account} – Clavis`);
      await inspect(page, `account-${language}`);
      expect(problems).toEqual([]);
    });

    it(`the accept-invitation page in ${language}`, async () => {
      problems.length = 0;
      const token = await app.invite(`invitee-${language}@new.test`);
      const page = await app.newPage({ language });
      await page.goto(app.url(`/invitation/${token}`));
      await page.getByRole("heading", { name: TEXT[language].join }).waitFor();
      await expect.poll(() => title(page)).toBe(`${TEXT[language].invitation} – Clavis`);
      await inspect(page, `accept-invitation-${language}`);
      expect(problems).toEqual([]);
    });

    it(`a viewer sees the read-only hint on every organization screen, in ${language}`, async () => {
      problems.length = 0;
      const text = TEXT[language];
      const page = await app.newPage({ language, session: await app.signIn(VIEWER.email, VIEWER.password) });
      await page.goto(app.url(`/organization/${app.organizationId}`));
      await page.getByRole("heading", { name: text.overview, level: 1 }).waitFor();
      await page.getByText(text.readOnly).waitFor();
      await inspect(page, `viewer-overview-${language}`);
      await page.getByRole("navigation").getByRole("link", { name: text.members }).click();
      await page.getByRole("heading", { name: text.members, level: 1 }).waitFor();
      expect(await page.getByText(text.readOnly).isVisible()).toBe(true);
      expect(await page.getByRole("button", { name: new RegExp(text.remove) }).count()).toBe(0);
      await inspect(page, `viewer-members-${language}`);
      expect(problems).toEqual([]);
    });
  }

  it("someone removed from their only organization is told so, in both languages, and can sign out", async () => {
    problems.length = 0;
    const viewer = await app.owner.ok(`query($organizationId: ID!) { members(organizationId: $organizationId) { userId email } }`, { organizationId: app.organizationId });
    const userId = viewer.members.find((member: { email: string }) => member.email === VIEWER.email).userId;
    await app.owner.ok(`mutation($organizationId: ID!, $userId: ID!) { removeMember(organizationId: $organizationId, userId: $userId) }`, { organizationId: app.organizationId, userId });
    for (const language of LANGUAGES) {
      const text = TEXT[language];
      const page = await app.newPage({ language, session: await app.signIn(VIEWER.email, VIEWER.password) });
      await page.goto(app.url("/"));
      await page.getByRole("heading", { name: text.noOrganization }).waitFor();
      await inspect(page, `no-organization-${language}`);
      await page.getByRole("main").getByRole("button", { name: text.signOut }).click();
      await page.getByRole("heading", { name: text.signIn }).waitFor();
    }
    expect(problems).toEqual([]);
  });
});
