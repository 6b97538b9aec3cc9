import { randomUUID } from "node:crypto";
import type { DataSource } from "typeorm";
import { writeInTurn } from "../../common/transaction.js";
import { ApiClient } from "../api-clients/api-client.entity.js";

/**
 * Collects each client's last use in memory and writes it every few seconds, not per request.
 * The writes are single conditional statements, not a transaction: on a cluster, every node
 * records the same busy clients, and a transaction over the client row and the organization's
 * etag would turn that into certification conflicts. A node only moves `last_used_at` forward,
 * and the etag (lists show last use) is touched once per flush, only when some row changed.
 */
export class LastUsedRecorder {
  private pending = new Map<string, { at: number; ip: string }>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly intervalMs = 5000,
  ) {}

  record(apiClientId: string, ip: string, at: number): void {
    this.pending.set(apiClientId, { at, ip });
    if (this.timer === null) {
      this.timer = setTimeout(() => void this.flush(), this.intervalMs);
      this.timer.unref();
    }
  }

  async flush(): Promise<void> {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.pending;
    this.pending = new Map();
    const changed: string[] = [];
    for (const [id, { at, ip }] of batch) {
      try {
        if (await this.moveForward(id, new Date(at), ip)) changed.push(id);
      } catch {
        // The database briefly away: last use is best effort.
      }
    }
    if (changed.length === 0) return;
    try {
      // Shown in client lists, so lists cached anywhere must be read again.
      await writeInTurn(this.dataSource, () =>
        this.dataSource.query(`UPDATE organizations SET clients_etag = ? WHERE id IN (SELECT organization_id FROM api_clients WHERE id IN (${changed.map(() => "?").join(", ")}))`, [randomUUID(), ...changed]),
      );
    } catch {
      // As above: a list shows an older last use until its next change.
    }
  }

  private async moveForward(id: string, at: Date, ip: string): Promise<boolean> {
    const result = await writeInTurn(this.dataSource, () =>
      this.dataSource.createQueryBuilder().update(ApiClient).set({ lastUsedAt: at, lastUsedIp: ip }).where("id = :id AND (last_used_at IS NULL OR last_used_at < :at)", { id, at }).execute(),
    );
    return (result.affected ?? 0) > 0;
  }
}
