import { Field, ObjectType } from "type-graphql";

@ObjectType({ simpleResolvers: true, description: "Facts about this Clavis deployment that clients need to talk to it." })
export class ServerInfo {
  @Field({ description: "Issuer of access tokens (the `iss` claim)." })
  issuer!: string;

  @Field({ description: "Absolute URL of the OAuth 2.0 token endpoint." })
  tokenEndpoint!: string;

  @Field({ description: "Header that automation sends the organization id in, beside a bearer token." })
  tenantHeader!: string;

  @Field()
  version!: string;

  @Field(() => [String], { description: "Issuers an organization may trust for federated credentials (CLAVIS_FEDERATION_ISSUERS)." })
  federationIssuers!: string[];
}
