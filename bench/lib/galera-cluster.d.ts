export declare const GALERA_PROVIDER: string;

/** True when a Galera cluster can be started here: MariaDB, the provider library, rsync and a mysql user. */
export declare function hasGalera(): boolean;

export interface GaleraNode {
  index: number;
  port: number;
  url(database: string): string;
  isRunning(): boolean;
}

export interface GaleraCluster {
  nodes: GaleraNode[];
  /** SIGKILL: the node dies as a crashed host would, without leaving the group. */
  kill(index: number): Promise<void>;
  /** Starts a killed node again; resolves once it has rejoined and is Synced (after SST or IST). */
  restart(index: number): Promise<void>;
  /** The value of a Galera status variable on one node. */
  status(index: number, name: string): Promise<string>;
  stop(): Promise<void>;
}

/** A throwaway 3-node MariaDB Galera cluster on loopback, its data directories removed by stop. */
export declare function startGaleraCluster(size?: number): Promise<GaleraCluster>;
