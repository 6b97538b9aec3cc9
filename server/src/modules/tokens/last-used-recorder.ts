import type { DataSource } from "typeorm";
import { inTransaction } from "../../common/transaction.js";
import { ApiClient } from "../api-clients/api-client.entity.js";
import { touchClientsOf } from "../api-clients/client-list-cache.js";

/** Collects each client's last use in memory and writes it every few seconds, not per request. */
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
    for (const [id, { at, ip }] of batch) {
      try {
        await inTransaction(this.dataSource, async (manager) => {
          await manager.update(ApiClient, { id }, { lastUsedAt: new Date(at), lastUsedIp: ip });
          // Shown in client lists, so lists cached anywhere must be read again.
          await touchClientsOf(manager, id);
        });
      } catch {
        // The client may be gone, or the database briefly away: last use is best effort.
      }
    }
  }
}
