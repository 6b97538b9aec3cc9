import { createPrivateKey, generateKeyPairSync, randomBytes, type JsonWebKey, type KeyObject } from "node:crypto";
import type { Ctx } from "../../common/context.js";
import { transactional, writeInTurn } from "../../common/transaction.js";
import type { AuditService } from "../audit/audit.service.js";
import type { AccessPolicy } from "../auth/access-policy.js";
import { Organization } from "../organizations/organization.entity.js";
import { createSigner, type JwtSigner } from "./jwt-signer.js";
import type { KeyRing } from "./key-ring.js";
import { SigningKey } from "./signing-key.entity.js";

export interface PublicJwk extends JsonWebKey {
  kid: string;
  alg: string;
  use: string;
}

export interface KeySet {
  signer: JwtSigner;
  /** Every key a resource server may meet: the active ones and retired ones still in use. */
  publicKeys: PublicJwk[];
  loadedAt: number;
}

const REFRESH_MS = 30_000;

function toPublicJwk(row: SigningKey): PublicJwk {
  const { kty, crv, x } = JSON.parse(row.publicJwk) as JsonWebKey;
  return { kty, crv, x, kid: row.kid, alg: "EdDSA", use: "sig" };
}
const CLOCK_SKEW_SECONDS = 300;

/** Signing keys live in the database; every process keeps the current set in memory. */
export class SigningKeyService {
  private keySet: KeySet | null = null;
  private loading: Promise<KeySet> | null = null;
  private sealing: Promise<void> | null = null;
  // Decrypted once per kid: a key sealed again by another process meanwhile still signs here.
  private readonly privateKeys = new Map<string, KeyObject>();

  constructor(
    private readonly ring: KeyRing,
    private readonly audit: AuditService,
    private readonly access: AccessPolicy,
  ) {}

  /** The key set, reloaded every 30 s so a rotation made by another process is picked up. */
  async current(ctx: Ctx): Promise<KeySet> {
    if (this.keySet !== null && Date.now() - this.keySet.loadedAt < REFRESH_MS) return this.keySet;
    return this.reload(ctx);
  }

  /** The set as last loaded, without I/O; null before the first load. */
  cached(): KeySet | null {
    return this.keySet;
  }

  reload(ctx: Ctx): Promise<KeySet> {
    this.loading ??= this.load(ctx).finally(() => {
      this.loading = null;
    });
    return this.loading;
  }

  /** Read from the database each time: a key rotated by another process is published at once. */
  async publicKeys(ctx: Ctx): Promise<PublicJwk[]> {
    return (await this.publishedRows(ctx)).map(toPublicJwk);
  }

  /** Operators only: every key, newest first. */
  async list(ctx: Ctx): Promise<SigningKey[]> {
    this.access.operator(ctx);
    return ctx.manager.find(SigningKey, { order: { createdAt: "DESC", kid: "DESC" } });
  }

  /** The key that signs now: the newest active one, as `load` picks it. */
  static signingKid(keys: SigningKey[]): string | null {
    return keys.filter((key) => key.status === "ACTIVE").sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0]?.kid ?? null;
  }

  /**
   * A new active key; the previous ones are retired but stay published until every token they
   * signed has expired (the longest token lifetime of any organization, plus clock skew).
   */
  async rotate(ctx: Ctx): Promise<SigningKey> {
    this.access.operator(ctx);
    const key = await transactional(ctx, async (tx) => {
      const longest = (await tx.manager.createQueryBuilder(Organization, "o").select("MAX(o.access_token_ttl_seconds)", "ttl").getRawOne<{ ttl: number | null }>())?.ttl ?? 3600;
      const now = new Date();
      const publishUntil = new Date(now.getTime() + (Number(longest) + CLOCK_SKEW_SECONDS) * 1000);
      const retiring = await tx.manager.findBy(SigningKey, { status: "ACTIVE" });
      for (const old of retiring) await tx.manager.update(SigningKey, { kid: old.kid }, { status: "RETIRED", retiredAt: now, publishUntil });
      const key = this.newKey(now);
      await tx.manager.insert(SigningKey, key);
      await this.audit.record(tx, { organizationId: null, action: "signing_key.rotated", targetType: "SIGNING_KEY", targetId: key.kid, targetLabel: key.kid, changes: { retired: retiring.map((old) => old.kid) } });
      return key;
    });
    await this.reload(ctx);
    return key;
  }

  private async load(ctx: Ctx): Promise<KeySet> {
    this.sealing ??= this.sealStoredKeys(ctx).catch((error: unknown) => {
      this.sealing = null;
      throw error;
    });
    await this.sealing;
    let rows = await this.publishedRows(ctx);
    if (!rows.some((row) => row.status === "ACTIVE")) {
      // First start. Two processes starting at once may both create one; both stay valid.
      await writeInTurn(ctx.manager.connection, () => ctx.manager.insert(SigningKey, this.newKey(new Date())));
      rows = await this.publishedRows(ctx);
    }
    const active = rows.filter((row) => row.status === "ACTIVE").sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
    this.keySet = {
      signer: createSigner(active.kid, this.privateKey(active)),
      publicKeys: rows.map(toPublicJwk),
      loadedAt: Date.now(),
    };
    return this.keySet;
  }

  private privateKey(row: SigningKey): KeyObject {
    let key = this.privateKeys.get(row.kid);
    if (key === undefined) {
      const privateJwk = JSON.parse(this.ring.open(row.privateKey, row.isEncrypted, "signing keys").plaintext) as JsonWebKey;
      key = createPrivateKey({ key: privateJwk, format: "jwk" });
      this.privateKeys.set(row.kid, key);
    }
    return key;
  }

  /**
   * Once per process: keys stored in the clear (before a key-encryption key was always at hand)
   * or under the previous key-encryption key are sealed with the current one. A key that no
   * key opens is left as it is: it is encrypted, and only the active key must open.
   */
  private async sealStoredKeys(ctx: Ctx): Promise<void> {
    const connection = ctx.manager.connection;
    for (const row of await connection.manager.find(SigningKey)) {
      let opened;
      try {
        opened = this.ring.open(row.privateKey, row.isEncrypted, "signing keys");
      } catch {
        continue;
      }
      if (!opened.isStale) continue;
      const sealed = this.ring.seal(opened.plaintext);
      // Conditional on the value read, so a process that sealed it meanwhile is not overwritten.
      await writeInTurn(connection, () => connection.manager.update(SigningKey, { kid: row.kid, privateKey: row.privateKey }, { privateKey: sealed, isEncrypted: true }));
    }
  }

  private async publishedRows(ctx: Ctx): Promise<SigningKey[]> {
    const now = new Date();
    return ctx.manager
      .createQueryBuilder(SigningKey, "k")
      .where("k.status = 'ACTIVE' OR (k.publish_until IS NOT NULL AND k.publish_until > :now)", { now })
      .orderBy("k.created_at", "DESC")
      .getMany();
  }

  private newKey(now: Date): SigningKey {
    const { publicKey, privateKey } = generateKeyPairSync("ed25519");
    const privateJwk = JSON.stringify(privateKey.export({ format: "jwk" }));
    return {
      kid: `${now.toISOString().slice(0, 10)}-${randomBytes(6).toString("hex")}`,
      algorithm: "EdDSA",
      publicJwk: JSON.stringify(publicKey.export({ format: "jwk" })),
      privateKey: this.ring.seal(privateJwk),
      isEncrypted: true,
      status: "ACTIVE",
      createdAt: now,
      retiredAt: null,
      publishUntil: null,
    };
  }
}
