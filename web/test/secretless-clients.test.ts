import { createPublicKey, generateKeyPairSync, randomUUID, type JsonWebKey, type KeyObject } from "node:crypto";
import { calculateJwkThumbprint, SignJWT, type JWK } from "jose";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GraphQLSession, PASSWORD } from "../../server/test/support/graphql-session.js";
import { postForm } from "../../server/test/support/oauth-http.js";
import { inspectScreen } from "./a11y.js";
import { ownerPage, seedClient, startClientsWorld, type ClientsWorld } from "./api-clients-support.js";

const ISSUER = "https://token.actions.githubusercontent.com";
const ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
const SERVER_INFO = `query { serverInfo { tokenEndpoint } }`;
const INVITE = `mutation($input: InviteMemberInput!) { inviteMember(input: $input) { invitationUrl } }`;
const ACCEPT = `mutation($token: String!, $name: String, $password: String) { acceptInvitation(token: $token, name: $name, password: $password) { organization { id } } }`;
const CLIENT_KEYS = `query($id: ID!) { apiClient(id: $id) { authMethod publicKeys { id kid } } }`;

const TEXT = {
  en: { create: "Create client", name: "Name", secretTitle: "Store the secret now", created: "Client created", close: "Close", secret: "Client secret", key: "Public key (private_key_jwt)", federated: "Federated (workload identity)", publicKey: "Public key (PEM or JWK)", issuer: "Issuer", audience: "Audience", subject: "Subject", credentialName: "Credential name", keys: "Public keys", credentials: "Federated credentials" },
  sv: { create: "Skapa klient", name: "Namn", secretTitle: "Spara nyckeln nu", created: "Klienten är skapad", close: "Stäng", secret: "Hemlig nyckel", key: "Publik nyckel (private_key_jwt)", federated: "Federerad (arbetslastidentitet)", publicKey: "Publik nyckel (PEM eller JWK)", issuer: "Utfärdare", audience: "Målgrupp (aud)", subject: "Subjekt (sub)", credentialName: "Namn på uppgiften", keys: "Publika nycklar", credentials: "Federerade uppgifter" },
} as const;

interface TestKey {
  privateKey: KeyObject;
  jwk: JWK;
  kid: string;
  alg: string;
}

async function testKey(kind: "ed25519" | "p256", kid?: string): Promise<TestKey> {
  const pair = kind === "ed25519" ? generateKeyPairSync("ed25519") : generateKeyPairSync("ec", { namedCurve: "P-256" });
  const jwk = pair.publicKey.export({ format: "jwk" }) as JWK;
  return { privateKey: pair.privateKey, jwk: kid === undefined ? jwk : { ...jwk, kid }, kid: kid ?? (await calculateJwkThumbprint(jwk)), alg: kind === "ed25519" ? "EdDSA" : "ES256" };
}

const pemOf = (key: TestKey) => createPublicKey({ key: key.jwk as JsonWebKey, format: "jwk" }).export({ type: "spki", format: "pem" }).toString();

/** Issue 17 in the admin app: clients that prove who they are with a key or an external issuer's token, never a secret. */
describe("secretless clients in the admin app", () => {
  let world: ClientsWorld;
  let page: Page;
  let tokenEndpoint = "";
  const first = testKey("ed25519");
  const second = testKey("p256", "second-key");
  let keyClient = { id: "", clientId: "" };
  let federatedId = "";

  beforeAll(async () => {
    world = await startClientsWorld({ CLAVIS_FEDERATION_ISSUERS: ISSUER });
    page = await ownerPage(world);
    tokenEndpoint = (await world.owner.ok(SERVER_INFO)).serverInfo.tokenEndpoint;
  });

  afterAll(async () => {
    await world?.stop();
  });

  const listPath = () => `${world.server.url}/organization/${world.organizationId}/api-clients`;
  const detailPath = (id: string) => `${listPath()}/${id}`;
  const tokenWith = async (clientId: string, key: TestKey) => {
    const assertion = await new SignJWT({}).setProtectedHeader({ alg: key.alg, kid: key.kid }).setIssuer(clientId).setSubject(clientId).setAudience(tokenEndpoint).setJti(randomUUID()).setIssuedAt().setExpirationTime("2m").sign(key.privateKey);
    return postForm(world.server.url, "/token", { grant_type: "client_credentials", client_assertion_type: ASSERTION_TYPE, client_assertion: assertion });
  };

  it("creates a public-key client from a pasted PEM with no secret dialog, and the client gets a token with an assertion signed by its key", async () => {
    await page.goto(listPath());
    await page.getByRole("button", { name: "Create client" }).click();
    const dialog = page.getByRole("dialog", { name: "Create client" });
    await dialog.getByLabel("Name", { exact: true }).fill("Deploy bot");
    await dialog.getByRole("radio", { name: TEXT.en.key }).check();
    await dialog.getByLabel(TEXT.en.publicKey).fill(pemOf(await first));
    await dialog.getByRole("button", { name: "Create client" }).click();

    const created = page.getByRole("dialog", { name: TEXT.en.created });
    await created.waitFor();
    expect(await page.getByRole("dialog", { name: TEXT.en.secretTitle }).count()).toBe(0);
    const clientId = await created.getByLabel("Client id", { exact: true }).inputValue();
    expect(await created.getByRole("textbox", { name: "client_assertion_type" }).inputValue()).toBe(ASSERTION_TYPE);
    await created.getByRole("button", { name: "Close" }).click();
    await created.waitFor({ state: "hidden" });

    const row = page.getByRole("row").filter({ hasText: "Deploy bot" });
    await row.getByText(TEXT.en.key).waitFor();
    expect(await row.getByRole("button", { name: /Reset secret/ }).count()).toBe(0);

    const response = await tokenWith(clientId, await first);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ token_type: "Bearer" });
    expect(typeof response.body?.access_token).toBe("string");
    const link = await row.getByRole("link").getAttribute("href");
    keyClient = { id: link?.split("/").pop() ?? "", clientId };
  });

  it("shows a pasted private key's problem at the field and sends nothing", async () => {
    await page.goto(listPath());
    await page.getByRole("button", { name: "Create client" }).click();
    const dialog = page.getByRole("dialog", { name: "Create client" });
    await dialog.getByLabel("Name", { exact: true }).fill("Leaky bot");
    await dialog.getByRole("radio", { name: TEXT.en.key }).check();
    const pair = generateKeyPairSync("ed25519");
    await dialog.getByLabel(TEXT.en.publicKey).fill(pair.privateKey.export({ type: "pkcs8", format: "pem" }).toString());
    await dialog.getByText("This is a private key.", { exact: false }).waitFor();
    await dialog.getByRole("button", { name: "Create client" }).click();
    await dialog.getByText("This is a private key.", { exact: false }).waitFor();
    await page.keyboard.press("Escape");
    await page.getByRole("dialog", { name: "Discard your changes?" }).getByRole("button", { name: "Discard" }).click();
    const list = await world.owner.ok(`query($o: ID!) { apiClients(organizationId: $o, first: 50) { edges { node { name } } } }`, { o: world.organizationId });
    expect(list.apiClients.edges.map((edge: { node: { name: string } }) => edge.node.name)).not.toContain("Leaky bot");
  });

  it("adds a second key on the detail page, removes the first, and keeps the last key's Remove disabled with its reason", async () => {
    const firstKey = await first;
    const secondKey = await second;
    await page.goto(detailPath(keyClient.id));
    const section = page.getByRole("region", { name: "Authentication" });
    await section.getByRole("heading", { name: TEXT.en.keys }).waitFor();
    expect(await page.getByRole("button", { name: "Reset secret" }).count()).toBe(0);
    expect(await section.getByRole("button", { name: `Remove: ${firstKey.kid}` }).isDisabled()).toBe(true);
    await section.getByText("The last key cannot be removed", { exact: false }).waitFor();

    await section.getByRole("button", { name: "Add key" }).click();
    const add = page.getByRole("dialog", { name: "Add key" });
    await add.getByLabel(TEXT.en.publicKey).fill(JSON.stringify(secondKey.jwk, null, 2));
    await add.getByRole("button", { name: "Add key" }).click();
    await add.waitFor({ state: "hidden" });
    await section.getByRole("cell", { name: "second-key", exact: true }).waitFor();

    await section.getByRole("button", { name: `Remove: ${firstKey.kid}` }).click();
    const confirm = page.getByRole("dialog", { name: `Remove key ${firstKey.kid}?` });
    await confirm.getByRole("button", { name: "Remove" }).click();
    await confirm.waitFor({ state: "hidden" });
    await section.getByRole("cell", { name: firstKey.kid, exact: true }).waitFor({ state: "detached" });
    expect(await section.getByRole("button", { name: "Remove: second-key" }).isDisabled()).toBe(true);

    const keys = (await world.owner.ok(CLIENT_KEYS, { id: keyClient.id })).apiClient;
    expect(keys).toMatchObject({ authMethod: "PRIVATE_KEY_JWT", publicKeys: [{ kid: "second-key" }] });
    expect((await tokenWith(keyClient.clientId, secondKey)).status).toBe(200);
    const refused = await tokenWith(keyClient.clientId, firstKey);
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({ error: "invalid_client" });
  });

  it("disables Add key with its reason once a client holds its 10 keys", async () => {
    const publicKeys = Array.from({ length: 10 }, () => ({ jwk: generateKeyPairSync("ed25519").publicKey.export({ format: "jwk" }) }));
    const full = await seedClient(world, { name: "Ten keys", authMethod: "PRIVATE_KEY_JWT", publicKeys });
    await page.goto(detailPath(full.id));
    const section = page.getByRole("region", { name: "Authentication" });
    await section.getByText("A client has at most 10 keys", { exact: false }).waitFor();
    expect(await section.getByRole("button", { name: "Add key" }).isDisabled()).toBe(true);
    expect(await section.getByRole("button", { name: /^Remove: / }).count()).toBe(10);
    expect(await section.getByRole("button", { name: /^Remove: / }).first().isEnabled()).toBe(true);
  });

  it("names the key changes in the client's audit trail", async () => {
    await page.goto(`${world.server.url}/organization/${world.organizationId}/audit?client=${keyClient.id}`);
    await page.getByText("Added a public key").waitFor();
    await page.getByText("Removed a public key").waitFor();
    expect(await page.getByText("api_client.key_", { exact: false }).count()).toBe(0);
  });

  it("creates a federated client trusting an allowed issuer, with no secret dialog, and lists its credential", async () => {
    await page.goto(listPath());
    await page.getByRole("button", { name: "Create client" }).click();
    const dialog = page.getByRole("dialog", { name: "Create client" });
    await dialog.getByLabel("Name", { exact: true }).fill("CI deploy");
    await dialog.getByRole("radio", { name: TEXT.en.federated }).check();
    expect(await dialog.getByLabel(TEXT.en.issuer).inputValue()).toBe(ISSUER);
    await dialog.getByLabel(TEXT.en.audience).fill("api://clavis");
    await dialog.getByLabel(TEXT.en.subject).fill("repo:acme/app:ref:refs/heads/main");
    await dialog.getByLabel(TEXT.en.credentialName).fill("Deploy from main");
    await dialog.getByRole("button", { name: "Create client" }).click();
    const created = page.getByRole("dialog", { name: TEXT.en.created });
    await created.waitFor();
    expect(await page.getByRole("dialog", { name: TEXT.en.secretTitle }).count()).toBe(0);
    await created.getByRole("button", { name: "Close" }).click();

    const row = page.getByRole("row").filter({ hasText: "CI deploy" });
    federatedId = (await row.getByRole("link").getAttribute("href"))?.split("/").pop() ?? "";
    await page.goto(detailPath(federatedId));
    const section = page.getByRole("region", { name: "Authentication" });
    await section.getByRole("cell", { name: "Deploy from main", exact: true }).waitFor();
    await section.getByRole("cell", { name: "repo:acme/app:ref:refs/heads/main", exact: true }).waitFor();
    expect(await section.getByRole("button", { name: "Remove: Deploy from main" }).isDisabled()).toBe(true);

    await section.getByRole("button", { name: "Add federated credential" }).click();
    const add = page.getByRole("dialog", { name: "Add federated credential" });
    await add.getByLabel(TEXT.en.audience).fill("api://clavis");
    await add.getByLabel(TEXT.en.subject).fill("repo:acme/app:environment:production");
    await add.getByLabel(TEXT.en.credentialName).fill("Production");
    await add.getByRole("button", { name: "Add federated credential" }).click();
    await add.waitFor({ state: "hidden" });
    await section.getByRole("cell", { name: "Production", exact: true }).waitFor();
    expect(await section.getByRole("button", { name: "Remove: Deploy from main" }).isEnabled()).toBe(true);
  });

  it("shows a viewer the keys and federated credentials without Add or Remove", async () => {
    const invitation = await world.owner.ok(INVITE, { input: { organizationId: world.organizationId, email: "vera@acme.test", role: "VIEWER" } });
    const viewer = new GraphQLSession(world.server.url);
    await viewer.ok(ACCEPT, { token: new URL(invitation.inviteMember.invitationUrl).pathname.split("/").pop(), name: "Vera Viewer", password: PASSWORD });
    const context = await world.browser.newContext({ locale: "en-GB", viewport: { width: 1280, height: 900 } });
    const at = viewer.cookie?.indexOf("=") ?? -1;
    await context.addCookies([{ name: viewer.cookie?.slice(0, at) ?? "", value: viewer.cookie?.slice(at + 1) ?? "", url: world.server.url }]);
    const view = await context.newPage();
    await view.goto(detailPath(keyClient.id));
    const keys = view.getByRole("region", { name: "Authentication" });
    await keys.getByRole("cell", { name: "second-key", exact: true }).waitFor();
    expect(await keys.getByRole("button", { name: /Add key|Remove/ }).count()).toBe(0);
    await view.goto(detailPath(federatedId));
    const credentials = view.getByRole("region", { name: "Authentication" });
    await credentials.getByRole("cell", { name: "Production", exact: true }).waitFor();
    expect(await credentials.getByRole("button", { name: /Add federated credential|Remove/ }).count()).toBe(0);
    await context.close();
  });

  for (const lang of ["en", "sv"] as const) {
    it(`the create dialog for each method, and the keys and federated sections, pass axe and fit 360 px (${lang})`, async () => {
      const text = TEXT[lang];
      const screen = await ownerPage(world, lang);
      await screen.goto(listPath());
      await screen.getByRole("button", { name: text.create }).click();
      const dialog = screen.getByRole("dialog", { name: text.create });
      await dialog.getByLabel(text.name, { exact: true }).fill(`Screens ${lang}`);
      expect(await inspectScreen(screen, `secretless-create-secret-${lang}`)).toEqual([]);
      await dialog.getByRole("radio", { name: text.key }).check();
      await dialog.getByLabel(text.publicKey).fill(JSON.stringify((await second).jwk, null, 2));
      await dialog.getByLabel(text.publicKey).scrollIntoViewIfNeeded();
      expect(await inspectScreen(screen, `secretless-create-key-${lang}`)).toEqual([]);
      await dialog.getByRole("radio", { name: text.federated }).check();
      await dialog.getByLabel(text.subject).fill("repo:acme/app:*");
      await dialog.getByRole("button", { name: text.create }).click();
      await dialog.getByLabel(text.subject).scrollIntoViewIfNeeded();
      expect(await inspectScreen(screen, `secretless-create-federated-${lang}`)).toEqual([]);
      await dialog.getByLabel(text.subject).fill(`repo:acme/app:environment:${lang}`);
      await dialog.getByLabel(text.audience).fill("api://clavis");
      await dialog.getByLabel(text.credentialName).fill(`Screens ${lang}`);
      await dialog.getByRole("button", { name: text.create }).click();
      const created = screen.getByRole("dialog", { name: text.created });
      await created.waitFor();
      expect(await inspectScreen(screen, `secretless-created-${lang}`)).toEqual([]);
      await created.getByRole("button", { name: text.close }).click();

      await screen.goto(detailPath(keyClient.id));
      await screen.getByRole("heading", { name: text.keys }).waitFor();
      expect(await inspectScreen(screen, `secretless-keys-${lang}`)).toEqual([]);
      await screen.goto(detailPath(federatedId));
      await screen.getByRole("heading", { name: text.credentials }).waitFor();
      expect(await inspectScreen(screen, `secretless-federated-${lang}`)).toEqual([]);
      await screen.context().close();
    });
  }
});
