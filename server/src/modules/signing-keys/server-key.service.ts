import { randomBytes } from "node:crypto";
import type { Ctx } from "../../common/context.js";
import { writeInTurn } from "../../common/transaction.js";
import { isUniqueViolation } from "../../common/unique-violation.js";
import type { KeyRing } from "./key-ring.js";
import { ServerKey } from "./server-key.entity.js";

const SECRET_DIGEST = "client-secret-digest";

/**
 * Keys every process sharing the database (servers and the CLI) must hold alike. Each is made
 * once, by whichever process needs it first, stored sealed with the key-encryption key, and
 * kept in memory once loaded.
 */
export class ServerKeyService {
  private secretDigest: Promise<Buffer> | null = null;

  constructor(private readonly ring: KeyRing) {}

  /** The key of client-secret digests (HMAC-SHA256). Throws KeyDecryptionError under a wrong key-encryption key. */
  secretDigestKey(ctx: Ctx): Promise<Buffer> {
    this.secretDigest ??= this.load(ctx, SECRET_DIGEST).catch((error: unknown) => {
      this.secretDigest = null;
      throw error;
    });
    return this.secretDigest;
  }

  private async load(ctx: Ctx, name: string): Promise<Buffer> {
    // Outside any transaction of the caller: the key is shared and outlives it.
    const connection = ctx.manager.connection;
    let row = await connection.manager.findOneBy(ServerKey, { name });
    if (row === null) {
      const fresh: ServerKey = { name, value: this.ring.seal(randomBytes(32).toString("base64url")), isEncrypted: true, createdAt: new Date() };
      try {
        await writeInTurn(connection, () => connection.manager.insert(ServerKey, fresh));
        row = fresh;
      } catch (error) {
        // Another process made it first: theirs is the one every process uses.
        if (!isUniqueViolation(error)) throw error;
        row = await connection.manager.findOneByOrFail(ServerKey, { name });
      }
    }
    const opened = this.ring.open(row.value, row.isEncrypted, "secret digest key");
    if (opened.isStale) {
      const from = row.value;
      // Conditional on the value read, so a process that sealed it meanwhile is not overwritten.
      await writeInTurn(connection, () => connection.manager.update(ServerKey, { name, value: from }, { value: this.ring.seal(opened.plaintext), isEncrypted: true }));
    }
    return Buffer.from(opened.plaintext, "base64url");
  }
}
