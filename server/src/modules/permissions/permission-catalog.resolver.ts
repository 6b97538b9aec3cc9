import { Ctx, Query, Resolver } from "type-graphql";
import type { GraphQLContext } from "../../http/graphql-context.js";
import { PermissionCatalogType, toCatalogType } from "./permission-catalog.types.js";

@Resolver()
export class PermissionCatalogResolver {
  @Query(() => PermissionCatalogType, { description: "The APIs of the platform, their actions and the role presets." })
  permissionCatalog(@Ctx() { app }: GraphQLContext): PermissionCatalogType {
    return toCatalogType(app.services.catalog);
  }
}
