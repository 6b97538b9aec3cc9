import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import type { Page } from "../../common/pagination.js";
import { PageInfo } from "../../http/types/page-info.types.js";
import type { Organization } from "./organization.entity.js";

export const MemberRoleEnum = { OWNER: "OWNER", VIEWER: "VIEWER" } as const;
registerEnumType(MemberRoleEnum, { name: "MemberRole", description: "OWNER manages API clients and members; VIEWER may only look." });

@ObjectType({ simpleResolvers: true })
export class OrganizationLimits {
  @Field(() => Int)
  maxApiClients!: number;

  @Field(() => Int, { description: "Live tokens per client; issuing one more revokes the oldest." })
  maxTokensPerClient!: number;

  @Field(() => Int)
  accessTokenTtlSeconds!: number;
}

@ObjectType("Organization", { simpleResolvers: true })
export class OrganizationType {
  @Field(() => ID, { description: "The organization id: automation sends it in the tenant header." })
  id!: string;

  @Field()
  name!: string;

  @Field({ description: "Short immutable key that prefixes chosen client ids." })
  slug!: string;

  @Field()
  apiClientsEnabled!: boolean;

  @Field(() => OrganizationLimits)
  limits!: OrganizationLimits;

  @Field(() => Int, { description: "API clients in use, out of limits.maxApiClients." })
  apiClientCount!: number;

  @Field(() => MemberRoleEnum, { nullable: true, description: "The signed-in user's role here; null for API clients and operators." })
  myRole!: keyof typeof MemberRoleEnum | null;

  @Field()
  createdAt!: Date;
}

export function toOrganizationType(organization: Organization, myRole: OrganizationType["myRole"] = null): OrganizationType {
  return {
    id: organization.id,
    name: organization.name,
    slug: organization.slug,
    apiClientsEnabled: organization.apiClientsEnabled,
    limits: {
      maxApiClients: organization.maxApiClients,
      maxTokensPerClient: organization.maxTokensPerClient,
      accessTokenTtlSeconds: organization.accessTokenTtlSeconds,
    },
    apiClientCount: organization.apiClientCount,
    myRole,
    createdAt: organization.createdAt,
  };
}

@ObjectType({ simpleResolvers: true })
export class OrganizationEdge {
  @Field()
  cursor!: string;

  @Field(() => OrganizationType)
  node!: OrganizationType;
}

@ObjectType({ simpleResolvers: true })
export class OrganizationConnection {
  @Field(() => [OrganizationEdge])
  edges!: OrganizationEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}

export function toOrganizationConnection(page: Page<Organization>): OrganizationConnection {
  return {
    edges: page.items.map((item) => ({ cursor: item.cursor, node: toOrganizationType(item.node) })),
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
    totalCount: page.totalCount,
  };
}
