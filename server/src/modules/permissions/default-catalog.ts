import type { CatalogDocument } from "./permission-catalog.js";

/** Used when CLAVIS_CATALOG is unset. catalog.example.json beside this file shows the format. */
export const DEFAULT_CATALOG: CatalogDocument = {
  actions: {
    read: { title: { en: "View", sv: "Visa" } },
    create: { title: { en: "Create", sv: "Skapa" }, implies: ["read"] },
    write: { title: { en: "Change", sv: "Ändra" }, implies: ["read"] },
    execute: { title: { en: "Execute", sv: "Kör" }, implies: ["read"] },
  },
  apis: [
    { name: "api", title: { en: "Platform API", sv: "Plattforms-API" }, actions: ["read", "write"] },
    { name: "blogs", title: { en: "Blogs", sv: "Bloggar" }, actions: ["read", "create", "write"] },
    { name: "flows", title: { en: "Flows", sv: "Flöden" }, actions: ["read", "execute"] },
  ],
  presets: {
    reader: { title: { en: "Reader", sv: "Läsare" }, actions: ["read"] },
    creator: { title: { en: "Creator", sv: "Skapare" }, actions: ["read", "create"] },
    admin: { title: { en: "Admin", sv: "Admin" }, actions: "*" },
  },
};

/** Clavis's own APIs: present in every catalog, whatever CLAVIS_CATALOG holds. */
export const CLAVIS_APIS: CatalogDocument["apis"] = [
  { name: "api-clients", title: { en: "API clients", sv: "API-klienter" }, actions: ["read", "write"] },
  { name: "tokens", title: { en: "Tokens", sv: "Token" }, actions: ["introspect"] },
  // Personal data (e-mail addresses, the IP addresses in the trail): granted apart from api-clients.
  { name: "members", title: { en: "Members", sv: "Medlemmar" }, actions: ["read"] },
  { name: "audit", title: { en: "Audit trail", sv: "Händelselogg" }, actions: ["read"] },
];

/**
 * APIs whose data is about people (member e-mails; actors and their addresses in the audit
 * trail): the role presets leave them out, so they are granted only by name, on purpose.
 */
export const PERSONAL_DATA_APIS = ["members", "audit"];

/** The actions Clavis's own APIs use; a catalog's own definition of read or write wins. */
export const CLAVIS_ACTIONS: CatalogDocument["actions"] = {
  read: { title: { en: "View", sv: "Visa" } },
  write: { title: { en: "Change", sv: "Ändra" }, implies: ["read"] },
  introspect: { title: { en: "Introspect", sv: "Inspektera" } },
};
