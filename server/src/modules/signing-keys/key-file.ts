import { randomBytes } from "node:crypto";
import { closeSync, existsSync, fsyncSync, linkSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { ConfigError, type Config, type DatabaseConfig } from "../../config.js";
import { KeyRing } from "./key-ring.js";

export const KEY_FILE_NAME = "clavis-key-encryption.key";

/** Beside an SQLite database; for MySQL, under data/ of the working directory. Null for in-memory SQLite. */
export function keyFilePath(database: DatabaseConfig): string | null {
  if (database.kind === "mysql") return resolve("data", KEY_FILE_NAME);
  return database.path === ":memory:" ? null : join(dirname(database.path), KEY_FILE_NAME);
}

/**
 * The key-encryption key the server and the CLI both use: CLAVIS_KEY_ENCRYPTION_KEY when set
 * (the key file, if there is one, still opens what it sealed before), else the key file, which
 * the first process to need it creates. So keys are never stored in the clear.
 */
export function resolveKeyRing(config: Pick<Config, "database" | "keyEncryptionKey">): KeyRing {
  const file = keyFilePath(config.database);
  if (config.keyEncryptionKey !== null) return new KeyRing("environment", config.keyEncryptionKey, file === null ? null : readKeyFile(file), file);
  if (file === null) return new KeyRing("memory", randomBytes(32).toString("base64url"));
  return new KeyRing("file", readKeyFile(file) ?? createKeyFile(file), null, file);
}

function readKeyFile(file: string): string | null {
  if (!existsSync(file)) return null;
  const key = readFileSync(file, "utf8").trim();
  if (key.length < 32) throw new ConfigError("CLAVIS_KEY_ENCRYPTION_KEY", `is not set, and the key file ${file} holds no key (at least 32 characters)`);
  return key;
}

/**
 * Written whole to a private temporary file, then linked into place: link fails when the file
 * exists, so of processes starting at once one key wins and no one reads a half-written file.
 */
function createKeyFile(file: string): string {
  const key = randomBytes(32).toString("base64url");
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    const fd = openSync(temporary, "wx", 0o600);
    try {
      writeSync(fd, `${key}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    linkSync(temporary, file);
    syncDirectory(dirname(file));
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return readKeyFile(file) as string;
    throw new ConfigError("CLAVIS_KEY_ENCRYPTION_KEY", `is not set, and the key file ${file} cannot be created (${(error as Error).message})`);
  } finally {
    if (existsSync(temporary)) unlinkSync(temporary);
  }
}

/** The new name must outlast a power cut too: the database will hold keys only this file opens. */
function syncDirectory(dir: string): void {
  try {
    const fd = openSync(dir, "r");
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Not every file system lets a directory be opened; the file itself is synced.
  }
}
