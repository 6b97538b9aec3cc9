import { createHash } from "node:crypto";
import type { DataSource } from "typeorm";
import { writeInTurn } from "../../common/transaction.js";
import { isUniqueViolation } from "../../common/unique-violation.js";

// Galera reports the loser of two nodes inserting one key at once as a deadlock (1213): the
// same jti was used on another node at the same moment.
function isLostRace(error: unknown): boolean {
  const candidate = error as { code?: string; driverError?: { code?: string } };
  return (candidate.driverError?.code ?? candidate.code) === "ER_LOCK_DEADLOCK";
}

/**
 * RFC 7523 §3 item 7: a client assertion's jti is used once. Each accepted jti is inserted into
 * client_assertion_jtis under the primary key (client, SHA-256 of the jti) until the assertion
 * expires; the database refuses the second insert, so a replay is refused whichever node it
 * reaches. Expired rows are purged at most once a minute per process.
 */
export class AssertionReplayStore {
  private nextPurge = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly purgeEveryMs = 60_000,
  ) {}

  /** True when this is the jti's first use before `expiresAtMs`; false for a replay. */
  async use(apiClientId: string, jti: string, expiresAtMs: number): Promise<boolean> {
    const hash = createHash("sha256").update(jti, "utf8").digest("hex");
    if (await this.insert(apiClientId, hash, expiresAtMs)) {
      this.purgeSometimes();
      return true;
    }
    // A row left from an expired assertion with the same jti is no replay: drop it and try once more.
    const dropped = await writeInTurn(this.dataSource, () =>
      this.dataSource.createQueryBuilder().delete().from("client_assertion_jtis").where("api_client_id = :apiClientId AND jti_hash = :hash AND expires_at <= :now", { apiClientId, hash, now: Date.now() }).execute(),
    );
    return (dropped.affected ?? 0) > 0 && (await this.insert(apiClientId, hash, expiresAtMs));
  }

  private async insert(apiClientId: string, hash: string, expiresAtMs: number): Promise<boolean> {
    try {
      await writeInTurn(this.dataSource, () => this.dataSource.query("INSERT INTO client_assertion_jtis (api_client_id, jti_hash, expires_at) VALUES (?, ?, ?)", [apiClientId, hash, expiresAtMs]));
      return true;
    } catch (error) {
      if (isUniqueViolation(error) || isLostRace(error)) return false;
      throw error;
    }
  }

  private purgeSometimes(): void {
    const now = Date.now();
    if (now < this.nextPurge) return;
    this.nextPurge = now + this.purgeEveryMs;
    writeInTurn(this.dataSource, () => this.dataSource.query("DELETE FROM client_assertion_jtis WHERE expires_at <= ?", [now])).catch(() => {
      // The next purge takes these rows too; a failed purge never refuses an assertion.
    });
  }
}
