import { ArgsType, Field, ID, InputType, Int, registerEnumType } from "type-graphql";
import { OrganizationPageArgs } from "../../http/types/organization-page.args.js";
import { JSONObjectResolver } from "graphql-scalars";
import { ClientAuthMethodEnum, EnvironmentEnum } from "./api-client.types.js";
import { FederatedCredentialInput } from "../federation/federated-credential.inputs.js";

export const RolePresetEnum = { reader: "reader", creator: "creator", admin: "admin" } as const;
registerEnumType(RolePresetEnum, { name: "RolePreset", description: "Läsare / Skapare / Admin: fills permissions from the catalog." });

export const ApiClientOrderEnum = { CREATED_ASC: "CREATED_ASC", CREATED_DESC: "CREATED_DESC", NAME_ASC: "NAME_ASC", NAME_DESC: "NAME_DESC" } as const;
registerEnumType(ApiClientOrderEnum, { name: "ApiClientOrder" });

@InputType()
export class ClientPublicKeyInput {
  @Field(() => JSONObjectResolver, { nullable: true, description: "A public JWK (no private members); or give pem instead." })
  jwk?: Record<string, unknown> | null;

  @Field(() => String, { nullable: true, description: 'A PEM SPKI public key ("-----BEGIN PUBLIC KEY-----").' })
  pem?: string | null;

  @Field(() => Date, { nullable: true })
  expiresAt?: Date | null;
}

@InputType()
export class CreateApiClientInput {
  @Field(() => ID)
  organizationId!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String, { nullable: true, description: "Your own id (a-z 0-9 . _ -, at least 3 characters), unique in the organization. The OAuth client id becomes `<organization slug>.<id>`, at most 64 characters in all, so the id has at most 63 minus the slug's length. Generated when left out." })
  clientId?: string | null;

  @Field(() => EnvironmentEnum, { defaultValue: "LIVE" })
  environment!: keyof typeof EnvironmentEnum;

  @Field(() => RolePresetEnum, { nullable: true })
  role?: keyof typeof RolePresetEnum | null;

  @Field(() => [String], { nullable: true })
  permissions?: string[] | null;

  @Field(() => [String], { nullable: true, description: "APIs the client may ever hold permissions in. Fixed at creation." })
  scopes?: string[] | null;

  @Field(() => Date, { nullable: true, description: "Must be in the future. Immutable." })
  expiresAt?: Date | null;

  @Field(() => [String], { defaultValue: [] })
  allowedIps!: string[];

  @Field(() => [String], { defaultValue: [] })
  redirectUris!: string[];

  @Field(() => Boolean, { defaultValue: false, description: "May get tokens for a platform user with that user's username and password. Only owners, operators, or a client that has it itself, may set it." })
  allowLogin!: boolean;

  @Field(() => Boolean, { defaultValue: false, description: "May get tokens acting for a platform user on its own word. Only owners, operators, or a client that has it itself, may set it." })
  allowImpersonate!: boolean;

  @Field(() => ClientAuthMethodEnum, { defaultValue: "CLIENT_SECRET" })
  authMethod!: keyof typeof ClientAuthMethodEnum;

  @Field(() => [ClientPublicKeyInput], { nullable: true, description: "Required (1–10) for PRIVATE_KEY_JWT." })
  publicKeys?: ClientPublicKeyInput[] | null;

  @Field(() => [FederatedCredentialInput], { nullable: true, description: "Required (1–20) for FEDERATED." })
  federatedCredentials?: FederatedCredentialInput[] | null;
}

@InputType()
export class UpdateApiClientInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => [String], { nullable: true })
  allowedIps?: string[] | null;

  @Field(() => [String], { nullable: true })
  redirectUris?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: "Never a client's own; another client's only if the caller has it itself." })
  allowLogin?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: "Never a client's own; another client's only if the caller has it itself." })
  allowImpersonate?: boolean | null;
}

@InputType()
export class ApiClientFilterInput {
  @Field(() => String, { nullable: true, description: "Matches name, client id or description, ignoring case in every script (\"åsa\" finds \"Åsa\")." })
  search?: string | null;

  @Field(() => EnvironmentEnum, { nullable: true })
  environment?: keyof typeof EnvironmentEnum | null;

  @Field(() => Boolean, { nullable: true })
  expired?: boolean | null;
}

@ArgsType()
export class ApiClientsArgs extends OrganizationPageArgs {
  @Field(() => ApiClientFilterInput, { nullable: true })
  filter?: ApiClientFilterInput | null;

  @Field(() => ApiClientOrderEnum, { defaultValue: "CREATED_ASC" })
  orderBy!: keyof typeof ApiClientOrderEnum;

  @Field(() => String, {
    nullable: true,
    description: "The language names are sorted for by NAME_ASC and NAME_DESC, as a BCP 47 tag (\"sv\": Å, Ä, Ö after Z; \"en\": Ä beside A). Left out, the request's Accept-Language decides; English when neither names a language the server knows.",
  })
  language?: string | null;
}

@ArgsType()
export class UpdateApiClientPermissionsArgs {
  @Field(() => ID)
  id!: string;

  @Field(() => [String], { nullable: true })
  grant?: string[] | null;

  @Field(() => [String], { nullable: true })
  revoke?: string[] | null;

  @Field(() => [String], { nullable: true, description: "Replaces every permission; not combined with grant or revoke." })
  set?: string[] | null;
}
