import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ERROR_REASONS, type ErrorReason } from "../../src/common/error-reasons.js";
import { clientInput, CREATE } from "../support/api-client-queries.js";
import { GraphQLSession, setupOwner } from "../support/graphql-session.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

const ROOT = join(import.meta.dirname, "../../..");
const LISTED = Object.keys(ERROR_REASONS) as ErrorReason[];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

/** Every reason written in server code: `reason: "X"`, `appError(code, "X", …)` and the AppError constructor's reason argument. */
function reasonsInSource(): Map<string, string> {
  const found = new Map<string, string>();
  const patterns = [/reason: "([A-Z0-9_]+)"/g, /appError\(\s*"[A-Z_]+",\s*"([A-Z0-9_]+)"/g, /\bnull, "([A-Z0-9_]+)"/g];
  for (const file of sourceFiles(join(ROOT, "server/src"))) {
    const text = readFileSync(file, "utf8");
    for (const pattern of patterns) for (const match of text.matchAll(pattern)) found.set(match[1], file);
  }
  return found;
}

function locale(language: "en" | "sv"): Record<string, string> {
  return JSON.parse(readFileSync(join(ROOT, `web/src/locales/${language}.json`), "utf8")) as Record<string, string>;
}

describe("error reasons", () => {
  it("lists every reason the server code gives an error", () => {
    const found = reasonsInSource();
    expect(found.size).toBeGreaterThan(40);
    const unlisted = [...found].filter(([reason]) => !LISTED.includes(reason as ErrorReason)).map(([reason, file]) => `${reason} (${file})`);
    expect(unlisted).toEqual([]);
  });

  it("uses every listed reason somewhere, beyond the generic one of each code", () => {
    const found = reasonsInSource();
    const generic = ["UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "BAD_USER_INPUT", "LIMIT_EXCEEDED", "CONFLICT", "TOO_MANY_REQUESTS"];
    expect(LISTED.filter((reason) => !generic.includes(reason) && !found.has(reason))).toEqual([]);
  });

  it.each(["en", "sv"] as const)("has an error.<REASON> text in %s for every reason, using only the reason's parameters", (language) => {
    const messages = locale(language);
    const missing = LISTED.filter((reason) => typeof messages[`error.${reason}`] !== "string" || messages[`error.${reason}`].trim() === "");
    expect(missing).toEqual([]);
    const wrong = LISTED.flatMap((reason) => {
      const placeholders = [...messages[`error.${reason}`].matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
      const allowed: readonly string[] = ERROR_REASONS[reason];
      return placeholders.filter((name) => !allowed.includes(name)).map((name) => `${reason}: {${name}}`);
    });
    expect(wrong).toEqual([]);
  });

  it("gives the English and Swedish text of a reason the same placeholders", () => {
    const en = locale("en");
    const sv = locale("sv");
    const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
    expect(LISTED.filter((reason) => JSON.stringify(names(en[`error.${reason}`] ?? "")) !== JSON.stringify(names(sv[`error.${reason}`] ?? "")))).toEqual([]);
  });
});

describe("errors on the wire", () => {
  let app: TestApp;
  let owner: GraphQLSession;
  let organizationId: string;

  beforeAll(async () => {
    app = await startTestApp();
    ({ session: owner, organizationId } = await setupOwner(app));
  });

  afterAll(async () => {
    await app.close();
  });

  it("gives each field error a reason and parameters beside the English message", async () => {
    const result = await owner.request(CREATE, { input: clientInput(organizationId, { expiresAt: "2001-01-01T00:00:00.000Z", allowedIps: ["10.0.0.0/99"] }) });
    expect(result.errors?.[0].extensions).toEqual({
      code: "BAD_USER_INPUT",
      reason: "BAD_USER_INPUT",
      params: {},
      fields: [
        { field: "expiresAt", reason: "EXPIRY_IN_PAST", message: "Expiry must be in the future" },
        { field: "allowedIps[0]", reason: "IP_PREFIX_RANGE", params: { entry: "10.0.0.0/99", max: 32 }, message: '"10.0.0.0/99" has a prefix length outside 0–32' },
      ],
    });
    expect(result.errors?.[0].message).toBe("2 fields are invalid");
  });

  it("gives a single field error's reason to the error itself", async () => {
    const result = await owner.request(CREATE, { input: clientInput(organizationId, { name: "" }) });
    expect(result.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "NAME_REQUIRED", params: {} });
  });

  it("gives errors without fields a reason too", async () => {
    const anonymous = new GraphQLSession(app.url);
    const login = await anonymous.request(`mutation { login(email: "owner@acme.test", password: "not the password") { id } }`);
    expect(login.errors?.[0].extensions).toEqual({ code: "UNAUTHENTICATED", reason: "INVALID_CREDENTIALS", params: {} });
    const missing = await owner.request(`query { apiClient(id: "00000000-0000-4000-8000-000000000000") { id } }`);
    expect(missing.errors?.[0].extensions).toEqual({ code: "NOT_FOUND", reason: "NOT_FOUND", params: {} });
  });
});
