import { User } from "../../src/modules/members/user.entity.js";
import { createCtx } from "../../src/services.js";
import type { TestApp } from "./test-app.js";

export interface GraphQLResult<T = any> {
  status: number;
  data: T | null;
  errors: { message: string; extensions?: { code?: string; fields?: { field: string; message: string }[] } }[] | undefined;
  headers: Headers;
}

/** A browser-like caller: keeps the session cookie between requests. */
export class GraphQLSession {
  cookie: string | null = null;

  constructor(
    readonly url: string,
    private readonly extraHeaders: Record<string, string> = {},
  ) {}

  async request<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResult<T>> {
    const headers: Record<string, string> = { "content-type": "application/json", ...this.extraHeaders };
    if (this.cookie !== null) headers.cookie = this.cookie;
    const response = await fetch(`${this.url}/graphql`, { method: "POST", headers, body: JSON.stringify({ query, variables }) });
    const setCookie = response.headers.get("set-cookie");
    if (setCookie !== null) {
      const pair = setCookie.split(";")[0];
      this.cookie = pair.endsWith("=") ? null : pair;
    }
    const body = (await response.json()) as { data?: T; errors?: GraphQLResult["errors"] };
    return { status: response.status, data: body.data ?? null, errors: body.errors, headers: response.headers };
  }

  /** The data of a request that must succeed. */
  async ok<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const result = await this.request<T>(query, variables);
    if (result.errors !== undefined) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
    return result.data as T;
  }

  /** The first error's code of a request that must fail. */
  async errorOf(query: string, variables: Record<string, unknown> = {}) {
    const result = await this.request(query, variables);
    if (result.errors === undefined) throw new Error(`expected an error, got ${JSON.stringify(result.data)}`);
    const [error] = result.errors;
    return { code: error.extensions?.code, message: error.message, fields: error.extensions?.fields };
  }
}

export const PASSWORD = "correct horse battery";

const SETUP = `mutation($input: SetupInput!) { setup(input: $input) { user { id email } organization { id slug } } }`;
const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { id } }`;

/**
 * Runs first-run setup; returns the owner's session and the organization. Setup makes its user an
 * operator too (issue 14); most tests want a plain owner, so the role is taken away again unless
 * `asOperator` is set.
 */
export async function setupOwner(app: TestApp, email = "owner@acme.test", { asOperator = false } = {}) {
  const session = new GraphQLSession(app.url);
  const data = await session.ok(SETUP, { input: { organizationName: "Acme", name: "Olga Owner", email, password: PASSWORD } });
  if (!asOperator) await app.app.dataSource.manager.update(User, { id: data.setup.user.id }, { isOperator: false });
  return { session, organizationId: data.setup.organization.id as string, slug: data.setup.organization.slug as string, userId: data.setup.user.id as string };
}

/** Another organization with its own owner, seeded through the real services. */
export async function seedOrganization(app: TestApp, name: string, ownerEmail: string, limits: { maxApiClients?: number; apiClientsEnabled?: boolean } = {}) {
  const system = createCtx(app.app.dataSource, { type: "SYSTEM" });
  const organization = await app.app.services.organizations.create(system, { name, ...limits });
  await app.app.services.members.add(system, { organizationId: organization.id, email: ownerEmail, role: "OWNER", name: name + " Owner", password: PASSWORD });
  return { organization, session: await signIn(app, ownerEmail) };
}

export async function addMember(app: TestApp, organizationId: string, email: string, role: "OWNER" | "VIEWER") {
  const system = createCtx(app.app.dataSource, { type: "SYSTEM" });
  await app.app.services.members.add(system, { organizationId, email, role, name: "Member", password: PASSWORD });
  return signIn(app, email);
}

export async function signIn(app: TestApp, email: string): Promise<GraphQLSession> {
  const session = new GraphQLSession(app.url);
  await session.ok(LOGIN, { email, password: PASSWORD });
  return session;
}
