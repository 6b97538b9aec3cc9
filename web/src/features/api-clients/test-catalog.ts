import type { CatalogApi, RolePreset } from "./api-clients.graphql";

const title = (en: string, sv: string) => ({ en, sv });
const action = (api: string, name: string, en: string, sv: string, implies: string[] = []) => ({ name, title: title(en, sv), permission: `${api}.${name}`, implies });

/** A small catalog in the shape the API serves, for component tests. */
export const APIS: CatalogApi[] = [
  { name: "api", title: title("Platform API", "Plattforms-API"), actions: [action("api", "read", "View", "Visa"), action("api", "write", "Change", "Ändra", ["api.read"])] },
  {
    name: "blogs",
    title: title("Blogs", "Bloggar"),
    actions: [action("blogs", "read", "View", "Visa"), action("blogs", "create", "Create", "Skapa", ["blogs.read"]), action("blogs", "write", "Change", "Ändra", ["blogs.read"])],
  },
  { name: "flows", title: title("Flows", "Flöden"), actions: [action("flows", "read", "View", "Visa"), action("flows", "execute", "Execute", "Kör", ["flows.read"])] },
];

export const PRESETS: RolePreset[] = [
  { name: "reader", title: title("Reader", "Läsare"), permissions: ["api.read", "blogs.read", "flows.read"] },
  { name: "creator", title: title("Creator", "Skapare"), permissions: ["api.read", "blogs.read", "blogs.create", "flows.read"] },
  { name: "admin", title: title("Admin", "Admin"), permissions: ["api.read", "api.write", "blogs.read", "blogs.create", "blogs.write", "flows.read", "flows.execute"] },
];
