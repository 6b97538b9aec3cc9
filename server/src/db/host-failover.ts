import { connect, type Socket } from "node:net";
import type { DatabaseHost } from "../config.js";

/**
 * The servers of one database (a Galera cluster's nodes), used one at a time: new connections
 * go to the current host; when connecting to it fails, or it answers that it is not part of the
 * cluster's primary component (see `unusable`), the next host becomes current. It stays current
 * (no failback) until it fails in turn, so one dead node costs the requests that find it dead,
 * not a probe on every connection. Pooled connections to a host that dies fail at once on
 * their next use (the socket is closed) and are dropped by the pool.
 */
export class HostFailover {
  private current = 0;

  constructor(
    readonly hosts: readonly DatabaseHost[],
    private readonly events: { switched?(from: DatabaseHost, to: DatabaseHost): void; connected?(): void } = {},
  ) {
    if (hosts.length === 0) throw new Error("HostFailover needs at least one host");
  }

  /** The host new connections go to. */
  get host(): DatabaseHost {
    return this.hosts[this.current];
  }

  /** mysql2's `stream` factory: a socket to the current host, moving on if it cannot connect. */
  connect = (): Socket => {
    const index = this.current;
    const { host, port } = this.hosts[index];
    const socket = connect(port, host);
    socket.setNoDelay(true);
    let connected = false;
    socket.once("connect", () => {
      connected = true;
      socket.setKeepAlive(true, 10_000);
      this.events.connected?.();
    });
    socket.once("error", () => {
      if (!connected) this.moveOn(index);
    });
    return socket;
  };

  /** The current host answered that it cannot serve (a Galera node outside the primary component). */
  unusable(): void {
    this.moveOn(this.current);
  }

  private moveOn(failed: number): void {
    // Only the first of many failing connections to one host moves on.
    if (this.current !== failed || this.hosts.length === 1) return;
    this.current = (failed + 1) % this.hosts.length;
    this.events.switched?.(this.hosts[failed], this.hosts[this.current]);
  }
}
