import { createHash } from "node:crypto";
import type { DataSource } from "typeorm";

export interface SharedWindow {
  used: number;
  resetAt: number;
}

interface PendingRead {
  keys: string[];
  resolve(windows: Map<string, SharedWindow>): void;
  reject(error: unknown): void;
}

const digest = (key: string) => createHash("sha256").update(key).digest("hex");

/**
 * Fixed-window counters in the database (throttle_counters), for throttles that must hold
 * across every node of a cluster. Reads of one event-loop turn go out as one SELECT, so a busy
 * /token adds one round trip per batch of requests, not per request; additions are rare
 * (failures, slow hashes) and go out at once. Keys are stored as SHA-256 digests.
 */
export class SharedCounters {
  private pending: PendingRead[] = [];
  private scheduled = false;

  constructor(private readonly dataSource: DataSource) {}

  /** The live windows among `keys` (absent: no count in a live window). */
  read(keys: string[]): Promise<Map<string, SharedWindow>> {
    return new Promise((resolve, reject) => {
      this.pending.push({ keys, resolve, reject });
      if (this.scheduled) return;
      this.scheduled = true;
      setImmediate(() => void this.flush());
    });
  }

  /** Adds `amount` to each key's window, opening a new window of `windowMs` where none is live. */
  async add(entries: { key: string; amount: number; windowMs: number }[], now = Date.now()): Promise<void> {
    if (entries.length === 0) return;
    const values = entries.map(() => "(?, ?, ?)").join(", ");
    const params = entries.flatMap((entry) => [digest(entry.key), entry.amount, now + entry.windowMs]);
    // `used` is assigned first, while reset_at still holds the old window's end.
    await this.dataSource.query(
      `INSERT INTO throttle_counters (counter_key, used, reset_at) VALUES ${values} ON DUPLICATE KEY UPDATE used = IF(reset_at <= ?, VALUES(used), used + VALUES(used)), reset_at = IF(reset_at <= ?, VALUES(reset_at), reset_at)`,
      [...params, now, now],
    );
  }

  /**
   * Takes `amount` of `key`'s window if that keeps it within `limit`: null when taken, else the
   * seconds until the window ends. Exact across nodes: the check and the addition are one
   * conditional UPDATE of one row, which concurrent nodes serialize (or conflict on at
   * certification, and the loser's statement is run again against the new count).
   */
  async take(key: string, amount: number, limit: number, windowMs: number, now = Date.now()): Promise<number | null> {
    const counterKey = digest(key);
    await retryConflicts(() =>
      this.dataSource.query(
        "INSERT INTO throttle_counters (counter_key, used, reset_at) VALUES (?, 0, ?) ON DUPLICATE KEY UPDATE used = IF(reset_at <= ?, 0, used), reset_at = IF(reset_at <= ?, VALUES(reset_at), reset_at)",
        [counterKey, now + windowMs, now, now],
      ),
    );
    const taken = await retryConflicts(() => this.dataSource.query("UPDATE throttle_counters SET used = used + ? WHERE counter_key = ? AND used + ? <= ?", [amount, counterKey, amount, limit]));
    if (((taken as { affectedRows?: number }).affectedRows ?? 0) > 0) return null;
    const rows = (await this.dataSource.query("SELECT reset_at FROM throttle_counters WHERE counter_key = ?", [counterKey])) as { reset_at: number | string }[];
    return Math.max(1, Math.ceil((Number(rows[0]?.reset_at ?? now + windowMs) - now) / 1000));
  }

  async clear(key: string): Promise<void> {
    await this.dataSource.query("DELETE FROM throttle_counters WHERE counter_key = ?", [digest(key)]);
  }

  /** Deletes windows that have ended; run from the server's sweeper. */
  async prune(now = Date.now()): Promise<void> {
    await this.dataSource.query("DELETE FROM throttle_counters WHERE reset_at <= ?", [now]);
  }

  private async flush(): Promise<void> {
    this.scheduled = false;
    const batch = this.pending;
    this.pending = [];
    const keys = [...new Set(batch.flatMap((read) => read.keys))];
    const byDigest = new Map(keys.map((key) => [digest(key), key]));
    try {
      const now = Date.now();
      const rows = (await this.dataSource.query(`SELECT counter_key, used, reset_at FROM throttle_counters WHERE counter_key IN (${keys.map(() => "?").join(", ")}) AND reset_at > ?`, [...byDigest.keys(), now])) as { counter_key: string; used: number; reset_at: number | string }[];
      const windows = new Map<string, SharedWindow>();
      for (const row of rows) windows.set(byDigest.get(row.counter_key) as string, { used: Number(row.used), resetAt: Number(row.reset_at) });
      for (const read of batch) read.resolve(windows);
    } catch (error) {
      for (const read of batch) read.reject(error);
    }
  }
}

/** A statement that lost a deadlock or a certification conflict changed nothing: run it again. */
async function retryConflicts<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await run();
    } catch (error) {
      const code = (error as { code?: string; driverError?: { code?: string } }).driverError?.code ?? (error as { code?: string }).code;
      if (code !== "ER_LOCK_DEADLOCK" || attempt >= 8) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(500, 10 * 2 ** attempt)));
    }
  }
}
