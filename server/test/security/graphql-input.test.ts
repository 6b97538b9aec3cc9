import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUDIT, LIST } from "../support/api-client-queries.js";
import { freePort } from "../support/free-port.js";
import { GraphQLSession } from "../support/graphql-session.js";
import { startServerProcess, type ServerProcess } from "../support/server-process.js";
import { createTestDatabase, type TestDatabase } from "../support/test-database.js";

// The built server in its own process (npm run build:server), so its log can be read back.
const OWNER = { email: "olga.owner@input.test", password: "Vq8#marble-Kestrel-4417" };
const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { id } }`;
const SETUP = `mutation($input: SetupInput!) { setup(input: $input) { organization { id } } }`;
const INVITE_MEMBER = `mutation($input: InviteMemberInput!) { inviteMember(input: $input) { invitationUrl } }`;

const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
const BAD_TIME_CURSORS = [cursorOf(["not-a-number", "x"]), cursorOf([1e999, "x"]), cursorOf([8.64e15, "x"]), cursorOf([-1, "x"]), cursorOf([1.5, "x"])];

async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${url}/graphql`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, text, body: JSON.parse(text) as { data?: any; errors?: { message: string; extensions?: Record<string, any> }[] } };
}

describe("GraphQL input that is not what the schema expects", () => {
  let db: TestDatabase;
  let server: ServerProcess;
  let owner: GraphQLSession;
  let organizationId: string;
  let requestNumber = 0;

  /** Sends a request with a known id and waits until the server has logged its request line. */
  async function postAndLog(body: unknown, headers: Record<string, string> = {}) {
    const requestId = `input-test-${(requestNumber += 1)}`;
    const answer = await post(server.url, body, { "x-request-id": requestId, ...headers });
    await expect.poll(() => server.output().includes(`"reqId":"${requestId}","method":"POST"`), { timeout: 15_000 }).toBe(true);
    return answer;
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    server = await startServerProcess({ DATABASE_URL: db.url, LOG_LEVEL: "info" }, await freePort());
    owner = new GraphQLSession(server.url);
    const { setup } = await owner.ok(SETUP, { input: { organizationName: "Input AB", name: "Olga Owner", ...OWNER } });
    organizationId = setup.organization.id;
  });

  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  describe("bad variables are the caller's error, and never reach a log line", () => {
    const SECRET = "Hunter2-never-logged-77";

    it("answers login with the password given as a list with 400 BAD_USER_INPUT", async () => {
      const { status, text, body } = await postAndLog({ query: LOGIN, variables: { email: "a@b.c", password: [SECRET] } });
      expect(status).toBe(400);
      expect(body.errors).toEqual([
        {
          message: 'Variable "$password" is invalid: Expected a value of type "String".',
          locations: [{ line: 1, column: 27 }],
          extensions: { code: "BAD_USER_INPUT", reason: "INVALID_VARIABLES", params: {}, fields: [{ field: "password", reason: "INVALID_VARIABLES", message: 'Expected a value of type "String".' }] },
        },
      ]);
      expect(text).not.toContain(SECRET);
      expect(server.output()).not.toContain(SECRET);
      expect(server.output()).not.toContain("a@b.c");
    });

    // addMember, where the review found this, became inviteMember: the same input shape, and a
    // password sent along (as an old client of addMember would) must not reach a log either.
    it("answers inviteMember with an unknown input field with 400 BAD_USER_INPUT", async () => {
      const input = { organizationId, email: "new.member@input.test", role: "VIEWER", password: SECRET };
      const { status, text, body } = await postAndLog({ query: INVITE_MEMBER, variables: { input } }, { cookie: owner.cookie ?? "" });
      expect(status).toBe(400);
      expect(body.errors?.map((error) => error.extensions)).toEqual([
        { code: "BAD_USER_INPUT", reason: "INVALID_VARIABLES", params: {}, fields: [{ field: "input.password", reason: "INVALID_VARIABLES", message: 'Field "password" is not defined by type "InviteMemberInput".' }] },
      ]);
      expect(body.errors?.[0].message).toBe('Variable "$input" is invalid at "input.password": Field "password" is not defined by type "InviteMemberInput".');
      expect(text).not.toContain(SECRET);
      for (const value of [SECRET, "new.member@input.test"]) expect(server.output()).not.toContain(value);
    });

    it("answers setup with a misspelled field with 400 BAD_USER_INPUT, without suggesting the right name", async () => {
      const input = { organizationName: "Second AB", name: "Sam Second", email: "sam@input.test", pasword: SECRET };
      const { status, text, body } = await postAndLog({ query: SETUP, variables: { input } });
      expect(status).toBe(400);
      expect(body.errors?.map((error) => [error.message, error.extensions])).toEqual([
        [
          "2 variable values are invalid",
          {
            code: "BAD_USER_INPUT",
            reason: "INVALID_VARIABLES",
            params: {},
            fields: [
              { field: "input.password", reason: "INVALID_VARIABLES", message: 'Field "password" of required type "String!" was not provided.' },
              { field: "input.pasword", reason: "INVALID_VARIABLES", message: 'Field "pasword" is not defined by type "SetupInput".' },
            ],
          },
        ],
      ]);
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain("Did you mean");
      for (const value of [SECRET, "sam@input.test", "Second AB"]) expect(server.output()).not.toContain(value);
    });

    it("logs no variables and no request body, whatever the request", async () => {
      await postAndLog({ query: LOGIN, variables: { email: "owner@b.c", password: SECRET } });
      await postAndLog({ query: `mutation($p: String!) { login(email: "x@y.z", password: $p) { id } }`, variables: { p: { nested: SECRET } } });
      expect(server.output()).not.toContain(SECRET);
      expect(server.output()).not.toMatch(/"(variables|body|query)"/);
    });
  });

  describe("a malformed session cookie is no session", () => {
    it("answers /graphql anonymously when the session cookie is not valid percent-encoding", async () => {
      const { status, body } = await post(server.url, { query: "{ me { id } }" }, { cookie: "clavis_session=%E0%A4%A" });
      expect({ status, body }).toEqual({ status: 200, body: { data: { me: null } } });
    });
  });

  describe("a crafted page cursor is BAD_USER_INPUT on every list", () => {
    it("refuses a created-at cursor of the API client list that holds no valid time", async () => {
      for (const orderBy of ["CREATED_ASC", "CREATED_DESC"]) {
        for (const after of BAD_TIME_CURSORS) {
          const { status, body } = await post(server.url, { query: LIST, variables: { organizationId, after, orderBy } }, { cookie: owner.cookie ?? "" });
          expect({ after, status, errors: body.errors }).toEqual({
            after,
            status: 200,
            errors: [expect.objectContaining({ message: "The cursor is not valid", extensions: { code: "BAD_USER_INPUT", reason: "CURSOR_INVALID", params: {}, fields: [{ field: "after", reason: "CURSOR_INVALID", message: "The cursor is not valid" }] } })],
          });
        }
      }
    });

    it("refuses an audit-event cursor that holds no valid time", async () => {
      for (const after of BAD_TIME_CURSORS) {
        const { status, body } = await post(server.url, { query: AUDIT, variables: { organizationId, after } }, { cookie: owner.cookie ?? "" });
        expect({ after, status, errors: body.errors }).toEqual({
          after,
          status: 200,
          errors: [expect.objectContaining({ message: "The cursor is not valid", extensions: { code: "BAD_USER_INPUT", reason: "CURSOR_INVALID", params: {}, fields: [{ field: "after", reason: "CURSOR_INVALID", message: "The cursor is not valid" }] } })],
        });
      }
    });

    it("still pages with the cursors it hands out", async () => {
      const first = await owner.ok(AUDIT, { organizationId, first: 1 });
      expect(first.auditEvents.pageInfo.hasNextPage).toBe(true);
      const next = await owner.ok(AUDIT, { organizationId, first: 1, after: first.auditEvents.pageInfo.endCursor });
      expect(next.auditEvents.edges).toHaveLength(1);
      const listed = await owner.ok(LIST, { organizationId, after: cursorOf([0, ""]) });
      expect(listed.apiClients.edges).toEqual([]);
    });
  });

  describe("automatic persisted queries are off", () => {
    it("answers a persisted-query hash that does not match its query with 400 PERSISTED_QUERY_NOT_SUPPORTED", async () => {
      const { status, body } = await postAndLog({ query: "{ me { id } }", extensions: { persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } } });
      expect({ status, body }).toEqual({ status: 400, body: { errors: [{ message: "PersistedQueryNotSupported", extensions: { code: "PERSISTED_QUERY_NOT_SUPPORTED" } }] } });
      expect(server.output()).not.toContain('"level":50');
    });

    it("answers a hash without a query with 400 PERSISTED_QUERY_NOT_SUPPORTED", async () => {
      const { status, body } = await post(server.url, { extensions: { persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } } });
      expect({ status, code: body.errors?.[0].extensions?.code }).toEqual({ status: 400, code: "PERSISTED_QUERY_NOT_SUPPORTED" });
    });
  });

  describe("error messages name no part of the schema the caller did not", () => {
    it("does not suggest a field name for a misspelled one", async () => {
      const { status, body } = await post(server.url, { query: `{ apiClient(id: "x") { secre } }` });
      expect({ status, body }).toEqual({
        status: 400,
        body: { errors: [{ message: 'Cannot query field "secre" on type "ApiClient".', locations: [{ line: 1, column: 24 }], extensions: { code: "GRAPHQL_VALIDATION_FAILED" } }] },
      });
    });

    it("does not suggest an argument, enum value or input field", async () => {
      const queries = [
        `{ apiClients(organizationId: "x", frist: 1) { totalCount } }`,
        `{ apiClients(organizationId: "x", orderBy: CREATED) { totalCount } }`,
        `{ apiClients(organizationId: "x", filter: { serch: "a" }) { totalCount } }`,
        `{ apiClient(id: "x") { secretHint { x } } }`,
        `{ apiClientz { id } }`,
      ];
      for (const query of queries) {
        const { status, body } = await post(server.url, { query });
        expect({ query, status, code: body.errors?.[0].extensions?.code }).toEqual({ query, status: 400, code: "GRAPHQL_VALIDATION_FAILED" });
        for (const error of body.errors ?? []) expect(error.message).not.toMatch(/did you mean/i);
      }
      const { body } = await post(server.url, { query: `query($o: ApiClientOrder!) { apiClients(organizationId: "x", orderBy: $o) { totalCount } }`, variables: { o: "CREATED" } });
      expect(body.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
      expect(body.errors?.[0].message).not.toMatch(/did you mean|CREATED_ASC/i);
    });
  });
});

describe("introspection", () => {
  it("is refused when the server runs in production mode", async () => {
    const db = await createTestDatabase();
    const server = await startServerProcess({ DATABASE_URL: db.url, NODE_ENV: "production" }, await freePort());
    try {
      const { status, body } = await post(server.url, { query: "{ __schema { queryType { name } } }" });
      expect({ status, code: body.errors?.[0].extensions?.code }).toEqual({ status: 400, code: "GRAPHQL_VALIDATION_FAILED" });
      expect(body.errors?.[0].message).toMatch(/introspection is not allowed/i);
    } finally {
      await server.stop();
      await db.drop();
    }
  });
});
