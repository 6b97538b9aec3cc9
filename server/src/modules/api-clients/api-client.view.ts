import type { ApiClient } from "./api-client.entity.js";

/** A client as services hand it out: never with a secret or hash, only the hint. */
export interface ApiClientView {
  client: ApiClient;
  secretHint: string;
  /** While a rotation's grace period runs: when the previous secret stops working. */
  previousSecretExpiresAt: Date | null;
}

export interface ApiClientWithSecret {
  apiClient: ApiClientView;
  /** Returned exactly once, by create and by reset; null for a secretless client (issue 17). */
  clientSecret: string | null;
}
