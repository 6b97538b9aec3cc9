import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GraphQLSession } from "../../server/test/support/graphql-session.js";
import { basic, postForm } from "../../server/test/support/oauth-http.js";
import { inspectScreen } from "./a11y.js";
import { AppFixture, OWNER } from "./app-fixture.js";

const OTTO = { email: "otto@acme.test", name: "Otto Owner", password: "otto's own password 1" };
const IVAN = { email: "ivan@ops.test", name: "Ivan Operator", password: "ivan's own password 1" };
const CREATE_ORGANIZATION = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id name } }`;

/**
 * Issue 14's operator console, driven in Chromium against the built server: the setup's first
 * user (Olga, owner of Acme AB) is the first operator; Otto is a second owner of Acme AB and no operator.
 */
describe("the /system operator console", () => {
  const app = new AppFixture();
  let operator: Page;
  let otto: Page;
  /** The operator in Swedish, following to each screen the English page inspects. */
  let swedish: Page;
  const problems: string[] = [];
  const inspected: string[] = [];

  const token = (clientId: string, secret: string) => postForm(app.server.url, "/token", { grant_type: "client_credentials" }, { authorization: basic(clientId, secret) });
  const heading = (page: Page, name: string) => page.getByRole("heading", { name, exact: true }).waitFor();
  /** The screen as it is, then the same address in Swedish, each at 1280 and 360 px. */
  async function inspect(page: Page, name: string, svHeading: string) {
    problems.push(...(await inspectScreen(page, name)));
    await swedish.goto(page.url());
    await heading(swedish, svHeading);
    problems.push(...(await inspectScreen(swedish, `${name}-sv`)));
    inspected.push(name);
  }
  const saved = (page: Page) => page.waitForResponse((response) => response.url().endsWith("/graphql") && (response.request().postData() ?? "").includes("UpdateOrganization"));

  /** Reads the secret dialog, ticks "stored", closes it. */
  async function takeSecret(page: Page): Promise<{ clientId: string; secret: string }> {
    const dialog = page.getByRole("dialog", { name: "Store the secret now" });
    await dialog.waitFor();
    const clientId = await dialog.getByLabel("Client id", { exact: true }).inputValue();
    const secret = await dialog.getByLabel("Client secret", { exact: true }).inputValue();
    await dialog.getByLabel("I have stored the secret").check();
    await dialog.getByRole("button", { name: "Close" }).click();
    await dialog.waitFor({ state: "hidden" });
    return { clientId, secret };
  }

  beforeAll(async () => {
    await app.start();
    await app.addMember({ ...OTTO, role: "OWNER" });
    operator = await app.newPage({ session: await app.signIn(OWNER.email, OWNER.password) });
    otto = await app.newPage({ session: await app.signIn(OTTO.email, OTTO.password) });
    swedish = await app.newPage({ language: "sv", session: await app.signIn(OWNER.email, OWNER.password) });
  });

  afterAll(async () => {
    await app.stop();
  });

  it("shows a member who is no operator a not-available screen at /system", async () => {
    await otto.goto(app.url("/system/organizations"));
    await heading(otto, "Not available");
    expect(await otto.getByRole("navigation").count()).toBe(0);
    problems.push(...(await inspectScreen(otto, "system-not-available")));
    const ottoSv = await app.newPage({ language: "sv", session: await app.signIn(OTTO.email, OTTO.password) });
    await ottoSv.goto(app.url("/system/signing-keys"));
    await heading(ottoSv, "Inte tillgängligt");
    problems.push(...(await inspectScreen(ottoSv, "system-not-available-sv")));
    await otto.getByRole("link", { name: "Back to my organizations" }).click();
    await heading(otto, "Overview");
    expect(await otto.getByRole("link", { name: "Platform" }).count()).toBe(0);
  });

  it("gives an operator who is also a member a Platform link beside their organization", async () => {
    await operator.goto(app.url(`/organization/${app.organizationId}`));
    await heading(operator, "Overview");
    await operator.getByRole("link", { name: "Platform" }).click();
    await heading(operator, "Organizations");
    expect(new URL(operator.url()).pathname).toBe("/system/organizations");
    await operator.getByRole("link", { name: "My organizations" }).click();
    await heading(operator, "Overview");
  });

  it("lists organizations, and creates one with its limits checked at the fields", async () => {
    await operator.goto(app.url("/system"));
    await heading(operator, "Organizations");
    expect(new URL(operator.url()).pathname).toBe("/system/organizations");
    const row = operator.getByRole("row").filter({ hasText: "Acme AB" });
    expect(await row.getByRole("cell").allInnerTexts()).toEqual(["Acme AB", app.organizationId, "On", "0 of 10", expect.stringMatching(/\d{4}/)]);
    await operator.getByRole("button", { name: "Create organization" }).click();
    const dialog = operator.getByRole("dialog", { name: "Create organization" });
    await dialog.getByLabel("Name", { exact: true }).fill("Beta AB");
    expect(await dialog.getByRole("switch", { name: "API clients switched on" }).isChecked()).toBe(false);
    await dialog.getByLabel("Max API clients").fill("five");
    await dialog.getByLabel("Token lifetime (seconds)").fill("30");
    await dialog.getByRole("button", { name: "Create", exact: true }).click();
    await dialog.getByText("Enter a whole number.").waitFor();
    await dialog.getByLabel("Max API clients").fill("5");
    await dialog.getByRole("button", { name: "Create", exact: true }).click();
    // The range is the server's rule, shown at its field.
    await dialog.getByText("Must be a whole number from 60 to 86400.").waitFor();
    expect(await dialog.getByLabel("Token lifetime (seconds)").getAttribute("aria-invalid")).toBe("true");
    problems.push(...(await inspectScreen(operator, "system-organization-create")));
    await dialog.getByLabel("Token lifetime (seconds)").fill("600");
    await dialog.getByRole("button", { name: "Create", exact: true }).click();
    await heading(operator, "Beta AB");
    expect(operator.url()).toMatch(/\/system\/organizations\/[0-9a-f-]{36}$/);
    expect(await operator.getByLabel("Max API clients").inputValue()).toBe("5");
    expect(await operator.getByLabel("Token lifetime (seconds)").inputValue()).toBe("600");
    await inspect(operator, "system-organization-edit", "Beta AB");

    await operator.getByRole("link", { name: "← Organizations" }).click();
    await operator.getByRole("searchbox", { name: "Search by name, slug or id" }).fill("beta");
    await expect.poll(() => operator.getByRole("row").count()).toBe(2);
    expect(await operator.getByRole("row").nth(1).getByRole("cell").nth(2).innerText()).toBe("Off");
    await operator.getByRole("searchbox", { name: "Search by name, slug or id" }).fill("");
    await expect.poll(() => operator.getByRole("row").count()).toBe(3);
    await inspect(operator, "system-organizations", "Organisationer");
  });

  it("switches API clients off and on for an organization, and its owner's API clients page follows", async () => {
    await operator.goto(app.url(`/system/organizations/${app.organizationId}`));
    await heading(operator, "Acme AB");
    const toggle = operator.getByRole("switch", { name: "API clients switched on" });
    await toggle.uncheck();
    await Promise.all([saved(operator), operator.getByRole("button", { name: "Save" }).click()]);
    await otto.goto(app.url(`/organization/${app.organizationId}/api-clients`));
    await otto.getByText("Ask your platform operator to switch them on.").first().waitFor();
    expect(await otto.getByRole("heading", { name: "No API clients yet" }).count()).toBe(0);

    await toggle.check();
    await Promise.all([saved(operator), operator.getByRole("button", { name: "Save" }).click()]);
    await otto.reload();
    await heading(otto, "No API clients yet");
  });

  it("creates an API client for an organization chosen in /system, whose secret gets a token", async () => {
    await operator.goto(app.url("/system/organizations"));
    await operator.getByRole("link", { name: "New API client" }).click();
    await heading(operator, "New API client: choose the organization");
    await operator.getByRole("searchbox", { name: "Search by name, slug or id" }).fill("acme");
    await expect.poll(() => operator.getByRole("listitem").count()).toBe(1);
    await inspect(operator, "system-api-client-new", "Ny API-klient: välj organisation");
    await operator.getByRole("link", { name: "Choose: Acme AB" }).click();
    const dialog = operator.getByRole("dialog", { name: "Create client" });
    await dialog.getByLabel("Name", { exact: true }).fill("Partner feed");
    await dialog.getByRole("button", { name: "Create client" }).click();
    const client = await takeSecret(operator);
    const response = await token(client.clientId, client.secret);
    expect(response.status).toBe(200);
    expect(response.body?.token_type).toBe("Bearer");

    await operator.getByRole("link", { name: "View details: Partner feed" }).waitFor();
    expect(new URL(operator.url()).pathname).toBe(`/system/organizations/${app.organizationId}/api-clients`);
    await inspect(operator, "system-organization-api-clients", "API-klienter");
    await operator.getByRole("link", { name: "View details: Partner feed" }).click();
    await heading(operator, "Partner feed");
    expect(new URL(operator.url()).pathname).toMatch(new RegExp(`^/system/organizations/${app.organizationId}/api-clients/[0-9a-f-]{36}$`));
    await inspect(operator, "system-organization-api-client", "Partner feed");

    // The owner sees it, and the operator as its creator in the organization's own trail.
    await otto.reload();
    await otto.getByRole("link", { name: "View details: Partner feed" }).waitFor();
    await otto.goto(app.url(`/organization/${app.organizationId}/audit`));
    await otto.getByRole("listitem").filter({ hasText: "Partner feed" }).filter({ hasText: OWNER.email }).first().waitFor();
  });

  it("creates a system client whose token creates an organization over /graphql, and is refused once deleted", async () => {
    await operator.goto(app.url("/system/system-clients"));
    await heading(operator, "System clients");
    await operator.getByText("No system clients yet.").waitFor();
    await operator.getByRole("button", { name: "Create system client" }).click();
    const dialog = operator.getByRole("dialog", { name: "Create system client" });
    await dialog.getByLabel("Name", { exact: true }).fill("Provisioning");
    await dialog.getByLabel("Create and change organizations").check();
    problems.push(...(await inspectScreen(operator, "system-system-client-create")));
    await dialog.getByRole("button", { name: "Create", exact: true }).click();
    const client = await takeSecret(operator);
    const issued = await token(client.clientId, client.secret);
    expect(issued.status).toBe(200);
    const bearer = new GraphQLSession(app.server.url, { authorization: `Bearer ${issued.body?.access_token as string}` });
    const created = await bearer.ok(CREATE_ORGANIZATION, { input: { name: "Gamma AB" } });
    expect(created.createOrganization.name).toBe("Gamma AB");

    await operator.getByRole("link", { name: "View details: Provisioning" }).waitFor();
    await inspect(operator, "system-system-clients", "Systemklienter");
    await operator.getByRole("link", { name: "View details: Provisioning" }).click();
    await heading(operator, "Provisioning");
    await inspect(operator, "system-system-client", "Provisioning");
    await operator.getByRole("button", { name: "Edit permissions" }).click();
    const edit = operator.getByRole("dialog", { name: "Permissions of Provisioning" });
    await edit.getByLabel("Introspect tokens").check();
    await edit.getByRole("button", { name: "Save" }).click();
    await edit.waitFor({ state: "hidden" });
    await operator.getByRole("listitem").filter({ hasText: "tokens.introspect" }).waitFor();
    await operator.getByRole("button", { name: "Reset secret" }).click();
    await operator.getByRole("dialog", { name: "Reset the secret of Provisioning?" }).getByRole("button", { name: "Reset secret" }).click();
    const reset = await takeSecret(operator);
    expect(reset.clientId).toBe(client.clientId);
    expect((await token(client.clientId, client.secret)).status).toBe(401);
    const reissued = await token(reset.clientId, reset.secret);
    expect(reissued.status).toBe(200);
    expect(String(reissued.body?.scope).split(" ").sort()).toEqual(["system.organizations.read", "system.organizations.write", "tokens.introspect"]);
    await operator.getByRole("button", { name: "Delete" }).click();
    await operator.getByRole("dialog", { name: "Delete Provisioning?" }).getByRole("button", { name: "Delete" }).click();
    await heading(operator, "System clients");
    await operator.getByText("No system clients yet.").waitFor();
    expect((await token(reset.clientId, reset.secret)).status).toBe(401);
    expect((await bearer.errorOf(CREATE_ORGANIZATION, { input: { name: "Delta AB" } })).code).toBe("UNAUTHENTICATED");
  });

  it("rotates the signing key: one more key, exactly one signing", async () => {
    await operator.goto(app.url("/system/signing-keys"));
    await heading(operator, "Signing keys");
    await expect.poll(() => operator.getByRole("row").count()).toBeGreaterThan(1);
    const before = await operator.getByRole("row").count();
    await operator.getByRole("button", { name: "Rotate key" }).click();
    await operator.getByRole("dialog", { name: "Rotate the signing key?" }).getByRole("button", { name: "Rotate key" }).click();
    await expect.poll(() => operator.getByRole("row").count()).toBe(before + 1);
    expect(await operator.getByRole("cell", { name: "Signs new tokens" }).count()).toBe(1);
    await inspect(operator, "system-signing-keys", "Signeringsnycklar");
  });

  it("invites an operator, who accepts as one, and removes them; the last operator's Remove is disabled", async () => {
    await operator.goto(app.url("/system/operators"));
    await heading(operator, "Operators");
    const removeOlga = operator.getByRole("button", { name: `Remove: ${OWNER.email}` });
    expect(await removeOlga.isDisabled()).toBe(true);
    await operator.getByText("The platform needs at least one operator").waitFor();
    await operator.getByLabel("E-mail").fill(IVAN.email);
    await operator.getByRole("button", { name: "Invite", exact: true }).click();
    const linkDialog = operator.getByRole("dialog", { name: "Pass on the invitation link" });
    const url = await linkDialog.getByLabel("Invitation link", { exact: true }).inputValue();
    await linkDialog.getByLabel("I have copied the link").check();
    await linkDialog.getByRole("button", { name: "Close" }).click();
    await operator.getByRole("listitem").filter({ hasText: IVAN.email }).waitFor();
    await inspect(operator, "system-operators", "Operatörer");
    // A second invitation, withdrawn: its link stops working.
    await operator.getByLabel("E-mail").fill("wanda@ops.test");
    await operator.getByRole("button", { name: "Invite", exact: true }).click();
    const withdrawnUrl = await linkDialog.getByLabel("Invitation link", { exact: true }).inputValue();
    await linkDialog.getByLabel("I have copied the link").check();
    await linkDialog.getByRole("button", { name: "Close" }).click();
    await operator.getByRole("button", { name: "Withdraw: wanda@ops.test" }).click();
    await operator.getByRole("dialog", { name: "Withdraw the invitation of wanda@ops.test?" }).getByRole("button", { name: "Withdraw" }).click();
    await operator.getByRole("button", { name: "Withdraw: wanda@ops.test" }).waitFor({ state: "detached" });
    const stranger = await app.newPage();
    await stranger.goto(withdrawnUrl);
    await heading(stranger, "This invitation link does not work");


    const guest = await app.newPage();
    await guest.goto(url);
    await heading(guest, "Become a platform operator");
    await guest.getByText("This is an operator invitation").waitFor();
    problems.push(...(await inspectScreen(guest, "system-accept-operator")));
    await guest.getByLabel("Your name").fill(IVAN.name);
    await guest.getByLabel("Password", { exact: true }).fill(IVAN.password);
    await guest.getByLabel("Password again").fill(IVAN.password);
    await guest.getByRole("button", { name: "Create account and join" }).click();
    await heading(guest, "Organizations");
    expect(new URL(guest.url()).pathname).toBe("/system/organizations");

    await operator.reload();
    const removeIvan = operator.getByRole("button", { name: `Remove: ${IVAN.email}` });
    await removeIvan.waitFor();
    expect(await removeOlga.isDisabled()).toBe(false);
    await removeIvan.click();
    await operator.getByRole("dialog", { name: `Remove ${IVAN.name} as operator?` }).getByRole("button", { name: "Remove" }).click();
    await removeIvan.waitFor({ state: "detached" });
    expect(await removeOlga.isDisabled()).toBe(true);
    await guest.reload();
    await heading(guest, "Not available");
  });

  it("shows the platform audit trail, filtered by action and by actor", async () => {
    await operator.goto(app.url("/system/audit"));
    await heading(operator, "Platform audit trail");
    await operator.getByLabel("Action").selectOption({ label: "Signing key rotated" });
    await expect.poll(() => operator.getByRole("listitem").count()).toBe(1);
    await operator.getByRole("listitem").getByText(OWNER.email).waitFor();
    await operator.getByLabel("Action").selectOption({ value: "organization.created" });
    await operator.getByLabel("Actor").selectOption({ value: "CLIENT" });
    await expect.poll(() => operator.getByRole("listitem").count()).toBe(1);
    await operator.getByRole("listitem").filter({ hasText: "Gamma AB" }).waitFor();
    await operator.getByLabel("Action").selectOption({ value: "" });
    await operator.getByLabel("Actor").selectOption({ value: "" });
    await expect.poll(() => operator.getByRole("listitem").count()).toBeGreaterThan(3);
    await inspect(operator, "system-audit", "Plattformens händelselogg");
  });

  it("has no accessibility problem or sideways scrolling on any screen, in either language", () => {
    expect(inspected).toHaveLength(10);
    expect(problems).toEqual([]);
  });
});
