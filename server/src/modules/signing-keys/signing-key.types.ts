import { Field, ObjectType } from "type-graphql";
import type { SigningKey } from "./signing-key.entity.js";

@ObjectType({ simpleResolvers: true })
export class SigningKeyInfo {
  @Field()
  kid!: string;

  @Field()
  algorithm!: string;

  @Field()
  createdAt!: Date;

  @Field({ description: "Signs new tokens now (exactly one key is active)." })
  active!: boolean;

  @Field({ description: "Its private key is encrypted with the key-encryption key (CLAVIS_KEY_ENCRYPTION_KEY)." })
  encryptedAtRest!: boolean;
}

export function toSigningKeyInfo(key: SigningKey, signingKid: string | null): SigningKeyInfo {
  return { kid: key.kid, algorithm: key.algorithm, createdAt: key.createdAt, active: key.kid === signingKid, encryptedAtRest: key.isEncrypted };
}
