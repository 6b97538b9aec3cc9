import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GraphQLSession } from "../support/graphql-session.js";
import { runServerToExit } from "../support/server-process.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

const CATALOG = `{ permissionCatalog { apis { name title { en sv } actions { name title { en sv } permission implies } } presets { name title { en sv } permissions } } }`;

describe("the permission catalog", () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ CLAVIS_CATALOG: "server/src/modules/permissions/catalog.example.json" });
  });

  afterAll(async () => {
    await app.close();
  });

  it("serves the catalog from CLAVIS_CATALOG with Clavis's own APIs, titles in English and Swedish", async () => {
    const { permissionCatalog } = await new GraphQLSession(app.url).ok(CATALOG);
    expect(permissionCatalog.apis.map((api: { name: string }) => api.name)).toEqual(["blogs", "documents", "flows", "users", "api-clients", "tokens", "members", "audit"]);
    expect(permissionCatalog.apis[0]).toEqual({
      name: "blogs",
      title: { en: "Blogs", sv: "Bloggar" },
      actions: [
        { name: "read", title: { en: "View", sv: "Visa" }, permission: "blogs.read", implies: [] },
        { name: "create", title: { en: "Create", sv: "Skapa" }, permission: "blogs.create", implies: ["blogs.read"] },
        { name: "write", title: { en: "Change", sv: "Ändra" }, permission: "blogs.write", implies: ["blogs.read"] },
      ],
    });
    expect(permissionCatalog.presets.map((preset: { name: string; title: { sv: string } }) => [preset.name, preset.title.sv])).toEqual([
      ["reader", "Läsare"],
      ["creator", "Skapare"],
      ["admin", "Admin"],
    ]);
    expect(permissionCatalog.presets[0].permissions).toEqual(["blogs.read", "documents.read", "flows.read", "users.read", "api-clients.read"]);
  });

  it("stops the server with one line when the catalog file is invalid", async () => {
    const dir = mkdtempSync(join(tmpdir(), "clavis-catalog-"));
    const path = join(dir, "catalog.json");
    writeFileSync(path, JSON.stringify({ actions: {}, apis: [{ name: "x", title: { en: "X", sv: "X" }, actions: ["publish"] }], presets: {} }));
    const result = await runServerToExit({ DATABASE_URL: `sqlite:${join(dir, "db.sqlite")}`, CLAVIS_CATALOG: path, PORT: "0" });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('Configuration error: CLAVIS_CATALOG is not a valid catalog: API "x" lists undeclared action "publish"\n');
  });
});
