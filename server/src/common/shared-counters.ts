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
