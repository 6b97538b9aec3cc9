import type { TestApp } from "./test-app.js";
import { clientInput, CREATE } from "./api-client-queries.js";
import type { GraphQLSession } from "./graphql-session.js";

export const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString("base64")}`;

export async function postForm(url: string, path: string, params: Record<string, string> | string, headers: Record<string, string> = {}) {
  const body = typeof params === "string" ? params : new URLSearchParams(params).toString();
  const response = await fetch(`${url}${path}`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", ...headers }, body });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text === "" ? null : (JSON.parse(text) as Record<string, any>) };
}

export async function tokenFor(app: TestApp, clientId: string, secret: string, params: Record<string, string> = {}, headers: Record<string, string> = {}) {
  return postForm(app.url, "/token", { grant_type: "client_credentials", ...params }, { authorization: basic(clientId, secret), ...headers });
}

export async function introspect(app: TestApp, caller: { clientId: string; secret: string }, token: string) {
  return postForm(app.url, "/introspect", { token }, { authorization: basic(caller.clientId, caller.secret) });
}

export async function createClient(session: GraphQLSession, organizationId: string, overrides: Record<string, unknown> = {}) {
  const { createApiClient } = await session.ok(CREATE, { input: clientInput(organizationId, overrides) });
  return { id: createApiClient.apiClient.id as string, clientId: createApiClient.apiClient.clientId as string, secret: createApiClient.clientSecret as string };
}
