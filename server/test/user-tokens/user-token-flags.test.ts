import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUDIT, CREATE, UPDATE, clientInput } from "../support/api-client-queries.js";
import { addMember, GraphQLSession, seedOrganization } from "../support/graphql-session.js";
import { decodeJwt } from "jose";
import { basic, createClient, postForm, tokenFor } from "../support/oauth-http.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

const FLAGS = `query($id: ID!) { apiClient(id: $id) { allowLogin allowImpersonate } }`;
const CREATE_FLAGGED = `mutation($input: CreateApiClientInput!) { createApiClient(input: $input) { apiClient { id allowLogin allowImpersonate } } }`;
const UPDATE_FLAGS = `mutation($id: ID!, $input: UpdateApiClientInput!) { updateApiClient(id: $id, input: $input) { allowLogin allowImpersonate } }`;
const MANAGER = ["api-clients.read", "api-clients.write"];

/** Issue 15: who may set allowLogin and allowImpersonate; no token widens them. No directory here. */
describe("the user-token flags of API clients", () => {
  let app: TestApp;
  let owner: GraphQLSession;
  let organizationId: string;

  beforeAll(async () => {
    app = await startTestApp();
    const seeded = await seedOrganization(app, "Acme", "owner@acme.test", { maxApiClients: 50 });
    owner = seeded.session;
    organizationId = seeded.organization.id;
  });

  afterAll(async () => {
    await app?.close();
  });

  async function bearer(client: { clientId: string; secret: string }): Promise<GraphQLSession> {
    const response = await tokenFor(app, client.clientId, client.secret);
    expect(response.status).toBe(200);
    return new GraphQLSession(app.url, { authorization: `Bearer ${response.body?.access_token}`, "x-tenant-id": organizationId });
  }

  const metadataGrants = async () => ((await (await fetch(`${app.url}/.well-known/oauth-authorization-server`)).json()) as { grant_types_supported: string[] }).grant_types_supported;

  it("lists only client_credentials in the metadata while no client may use the password grant", async () => {
    await createClient(owner, organizationId, { name: "Plain" });
    // Without a directory, a login-flagged client cannot use the grant either.
    await createClient(owner, organizationId, { name: "Login only", allowLogin: true });
    expect(await metadataGrants()).toEqual(["client_credentials"]);
  });

  it("are off by default; an owner sets them at creation and changes them later, and each change is audited", async () => {
    const plain = await createClient(owner, organizationId, { name: "Default" });
    expect((await owner.ok(FLAGS, { id: plain.id })).apiClient).toEqual({ allowLogin: false, allowImpersonate: false });
    const { createApiClient } = await owner.ok(CREATE_FLAGGED, { input: clientInput(organizationId, { name: "Flagged", allowImpersonate: true }) });
    expect(createApiClient.apiClient).toMatchObject({ allowLogin: false, allowImpersonate: true });
    expect(await metadataGrants()).toEqual(["client_credentials", "password"]);
    const updated = await owner.ok(UPDATE_FLAGS, { id: createApiClient.apiClient.id, input: { allowLogin: true, allowImpersonate: false } });
    expect(updated.updateApiClient).toEqual({ allowLogin: true, allowImpersonate: false });
    const { auditEvents } = await owner.ok(AUDIT, { organizationId, filter: { apiClientId: createApiClient.apiClient.id }, first: 10 });
    const [changed, created] = auditEvents.edges.map((edge: { node: { action: string; changes: Record<string, unknown> } }) => edge.node);
    expect(created).toMatchObject({ action: "api_client.created", changes: { allowLogin: false, allowImpersonate: true } });
    expect(changed).toMatchObject({ action: "api_client.updated", changes: { allowLogin: { from: false, to: true }, allowImpersonate: { from: true, to: false } } });
  });

  it("cannot be set by a viewer", async () => {
    const viewer = await addMember(app, organizationId, "viewer@acme.test", "VIEWER");
    expect((await viewer.errorOf(CREATE, { input: clientInput(organizationId, { allowLogin: true }) })).code).toBe("FORBIDDEN");
  });

  it("cannot be given to another client by a client that lacks them", async () => {
    const manager = await bearer(await createClient(owner, organizationId, { name: "Manager", role: null, permissions: MANAGER }));
    const target = await createClient(owner, organizationId, { name: "Target", role: null, permissions: ["api-clients.read"] });
    expect(await manager.errorOf(CREATE, { input: clientInput(organizationId, { name: "Sneaky", role: null, permissions: ["api-clients.read"], allowLogin: true }) })).toEqual({
      code: "FORBIDDEN",
      message: "An API client may change allowLogin of another client only if it has that flag itself",
      fields: undefined,
    });
    expect(await manager.errorOf(UPDATE, { id: target.id, input: { allowLogin: true, allowImpersonate: true } })).toEqual({
      code: "FORBIDDEN",
      message: "An API client may change allowLogin and allowImpersonate of another client only if it has those flags itself",
      fields: undefined,
    });
    expect((await owner.ok(FLAGS, { id: target.id })).apiClient).toEqual({ allowLogin: false, allowImpersonate: false });
    // Other changes by the same client still work.
    expect((await manager.ok(UPDATE, { id: target.id, input: { description: "renamed by automation" } })).updateApiClient.description).toBe("renamed by automation");
  });

  it("cannot be changed by a client for itself, even one that has them", async () => {
    const self = await createClient(owner, organizationId, { name: "Self", role: null, permissions: MANAGER, allowLogin: true });
    const session = await bearer(self);
    expect(await session.errorOf(UPDATE, { id: self.id, input: { allowImpersonate: true } })).toEqual({ code: "FORBIDDEN", message: "An API client cannot change its own allowLogin or allowImpersonate", fields: undefined });
    expect(await session.errorOf(UPDATE, { id: self.id, input: { allowLogin: false } })).toEqual({ code: "FORBIDDEN", message: "An API client cannot change its own allowLogin or allowImpersonate", fields: undefined });
    expect((await owner.ok(FLAGS, { id: self.id })).apiClient).toEqual({ allowLogin: true, allowImpersonate: false });
  });

  it("can be passed on by a client that has them, only those it has, and within issue 12's privilege rules", async () => {
    const holder = await bearer(await createClient(owner, organizationId, { name: "Holder", role: null, permissions: MANAGER, allowLogin: true }));
    const made = await holder.ok(CREATE_FLAGGED, { input: clientInput(organizationId, { name: "Child", role: null, permissions: ["api-clients.read"], allowLogin: true }) });
    expect(made.createApiClient.apiClient).toMatchObject({ allowLogin: true, allowImpersonate: false });
    expect((await holder.errorOf(UPDATE, { id: made.createApiClient.apiClient.id, input: { allowImpersonate: true } })).message).toBe(
      "An API client may change allowImpersonate of another client only if it has that flag itself",
    );
    const admin = await createClient(owner, organizationId, { name: "Admin", role: "admin" });
    expect((await holder.errorOf(UPDATE, { id: admin.id, input: { allowLogin: true } })).message).toBe("An API client may change, reset or delete only clients whose every permission its token holds too");
  });

  it("without a directory: impersonation takes the flagged client's word, a login is refused", async () => {
    const client = await createClient(owner, organizationId, { name: "Trusted", allowLogin: true, allowImpersonate: true });
    const token = (params: Record<string, string>) => postForm(app.url, "/token", { grant_type: "password", ...params }, { authorization: basic(client.clientId, client.secret) });
    const byId = await token({ auth_type: "impersonate", id: "7" });
    expect(decodeJwt(byId.body?.access_token)).toMatchObject({ sub: "7", auth_type: "impersonate", act: { sub: client.clientId } });
    const byName = await token({ auth_type: "impersonate", username: "carol" });
    expect(decodeJwt(byName.body?.access_token)).toMatchObject({ sub: "carol", preferred_username: "carol" });
    const login = await token({ auth_type: "login", username: "carol", password: "whatever-it-is" });
    expect({ status: login.status, body: login.body }).toEqual({ status: 400, body: { error: "unauthorized_client", error_description: "Logging users in needs a user directory, and this server has none" } });
  });
});
