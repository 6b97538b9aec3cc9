import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ConfigError } from "../../config.js";
import { KEY_FILE_NAME, keyFilePath, resolveKeyRing } from "./key-file.js";

describe("resolveKeyRing", () => {
  const dirs: string[] = [];
  const sqliteIn = (dir: string) => ({ kind: "sqlite" as const, path: join(dir, "db", "clavis.sqlite") });
  const fresh = () => {
    const dir = mkdtempSync(join(tmpdir(), "clavis-key-file-"));
    dirs.push(dir);
    return dir;
  };

  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it("creates a private key file beside an SQLite database once, and reads it after", () => {
    const dir = fresh();
    const database = sqliteIn(dir);
    const first = resolveKeyRing({ database, keyEncryptionKey: null });
    const file = join(dir, "db", KEY_FILE_NAME);
    expect(first).toMatchObject({ source: "file", file });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, "db")).mode & 0o777).toBe(0o700);
    expect(readFileSync(file, "utf8")).toMatch(/^[A-Za-z0-9_-]{43}\n$/);
    const sealed = first.seal("x");
    expect(resolveKeyRing({ database, keyEncryptionKey: null }).open(sealed, true, "keys")).toEqual({ plaintext: "x", isStale: false });
  });

  it("puts MySQL's key file under data/ of the working directory", () => {
    expect(keyFilePath({ kind: "mysql", host: "db", port: 3306, user: "u", password: "p", database: "clavis", hosts: [{ host: "db", port: 3306 }] })).toBe(join(process.cwd(), "data", KEY_FILE_NAME));
    expect(keyFilePath({ kind: "sqlite", path: ":memory:" })).toBeNull();
  });

  it("uses CLAVIS_KEY_ENCRYPTION_KEY when set, creating no file, and keeps an existing file's key to open older keys", () => {
    const dir = fresh();
    const database = sqliteIn(dir);
    const underFile = resolveKeyRing({ database, keyEncryptionKey: null }).seal("older");
    const ring = resolveKeyRing({ database, keyEncryptionKey: "e".repeat(32) });
    expect(ring.source).toBe("environment");
    expect(ring.open(underFile, true, "keys")).toEqual({ plaintext: "older", isStale: true });
    const elsewhere = fresh();
    resolveKeyRing({ database: sqliteIn(elsewhere), keyEncryptionKey: "e".repeat(32) });
    expect(() => statSync(join(elsewhere, "db", KEY_FILE_NAME))).toThrow();
  });

  it("refuses a key file that holds no key", () => {
    const dir = fresh();
    const database = { kind: "sqlite" as const, path: join(dir, "clavis.sqlite") };
    writeFileSync(join(dir, KEY_FILE_NAME), "short\n");
    expect(() => resolveKeyRing({ database, keyEncryptionKey: null })).toThrow(
      new ConfigError("CLAVIS_KEY_ENCRYPTION_KEY", `is not set, and the key file ${join(dir, KEY_FILE_NAME)} holds no key (at least 32 characters)`),
    );
  });
});
