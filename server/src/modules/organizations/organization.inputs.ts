import { Field, InputType, Int } from "type-graphql";

@InputType()
export class CreateOrganizationInput {
  @Field()
  name!: string;

  @Field(() => Int, { nullable: true, description: "Default 10." })
  maxApiClients?: number | null;

  @Field(() => Int, { nullable: true, description: "Live tokens per client; default 10." })
  maxTokensPerClient?: number | null;

  @Field(() => Int, { nullable: true, description: "Default 3600." })
  accessTokenTtlSeconds?: number | null;

  @Field(() => Boolean, { nullable: true, description: "Default: CLAVIS_API_CLIENTS_DEFAULT." })
  apiClientsEnabled?: boolean | null;
}

@InputType()
export class UpdateOrganizationInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => Int, { nullable: true })
  maxApiClients?: number | null;

  @Field(() => Int, { nullable: true })
  maxTokensPerClient?: number | null;

  @Field(() => Int, { nullable: true })
  accessTokenTtlSeconds?: number | null;

  @Field(() => Boolean, { nullable: true })
  apiClientsEnabled?: boolean | null;
}

/** GraphQL nulls mean "not given" to the service. */
export function withoutNulls<T extends object>(input: T): { [K in keyof T]?: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== null && value !== undefined)) as { [K in keyof T]?: Exclude<T[K], null> };
}
