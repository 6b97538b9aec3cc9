import { Field, ObjectType } from "type-graphql";
import { LocalizedText } from "../../http/types/localized-text.types.js";
import type { PermissionCatalog } from "./permission-catalog.js";
import { presetPermissions } from "./permission-set.js";

@ObjectType({ simpleResolvers: true })
export class CatalogAction {
  @Field({ description: "e.g. read, create, write, execute" })
  name!: string;

  @Field(() => LocalizedText, { description: 'e.g. "View" / "Visa"' })
  title!: LocalizedText;

  @Field({ description: "`<api>.<action>`" })
  permission!: string;

  @Field(() => [String], { description: 'Permissions this one grants too ("Change" grants "View").' })
  implies!: string[];
}

@ObjectType({ simpleResolvers: true })
export class CatalogApi {
  @Field({ description: "The scope name." })
  name!: string;

  @Field(() => LocalizedText)
  title!: LocalizedText;

  @Field(() => [CatalogAction])
  actions!: CatalogAction[];
}

@ObjectType({ simpleResolvers: true })
export class RolePresetInfo {
  @Field({ description: "reader, creator or admin" })
  name!: string;

  @Field(() => LocalizedText)
  title!: LocalizedText;

  @Field(() => [String], { description: "Its permissions over every API; a client with scopes gets the part inside them." })
  permissions!: string[];
}

@ObjectType("PermissionCatalog", { simpleResolvers: true })
export class PermissionCatalogType {
  @Field(() => [CatalogApi])
  apis!: CatalogApi[];

  @Field(() => [RolePresetInfo])
  presets!: RolePresetInfo[];
}

export function toCatalogType(catalog: PermissionCatalog): PermissionCatalogType {
  return {
    apis: catalog.apis,
    presets: catalog.presets.map((preset) => ({ name: preset.name, title: preset.title, permissions: presetPermissions(catalog, preset.name, null) })),
  };
}
