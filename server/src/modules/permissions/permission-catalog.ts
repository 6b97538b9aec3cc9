import { readFileSync } from "node:fs";
import { CLAVIS_ACTIONS, CLAVIS_APIS, DEFAULT_CATALOG } from "./default-catalog.js";
import { isSystemOnly } from "./permission-set.js";

export interface LocalizedText {
  en: string;
  sv: string;
}

/** The JSON format of a catalog file (CLAVIS_CATALOG). */
export interface CatalogDocument {
  actions: Record<string, { title: LocalizedText; implies?: string[] }>;
  apis: { name: string; title: LocalizedText; actions: string[] }[];
  presets: Record<PresetName, { title: LocalizedText; actions: string[] | "*" }>;
}

export const PRESET_NAMES = ["reader", "creator", "admin"] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

export interface CatalogApi {
  name: string;
  title: LocalizedText;
  actions: { name: string; title: LocalizedText; permission: string; implies: string[] }[];
}

/** A validated catalog: every permission `<api>.<action>` in a fixed order, with implications. */
export interface PermissionCatalog {
  apis: CatalogApi[];
  presets: { name: PresetName; title: LocalizedText; actions: string[] | "*" }[];
  /** Every permission, in catalog order. */
  permissions: string[];
  /** permission → the permissions it implies (same API), transitively. */
  implies: Map<string, string[]>;
}

export class CatalogError extends Error {}

const API_NAME = /^[a-z][a-z0-9-]{0,39}$/;
const ACTION_NAME = /^[a-z][a-z0-9_-]{0,39}$/;

export function loadCatalog(path: string | null): PermissionCatalog {
  if (path === null) return buildCatalog(DEFAULT_CATALOG);
  let document: unknown;
  try {
    document = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new CatalogError(`${path} is not readable JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  return buildCatalog(document);
}

function isText(value: unknown): value is LocalizedText {
  const text = value as LocalizedText;
  return typeof text === "object" && text !== null && typeof text.en === "string" && typeof text.sv === "string" && text.en !== "" && text.sv !== "";
}

/** Validates a catalog document, adds Clavis's own APIs, and resolves implications. */
export function buildCatalog(raw: unknown): PermissionCatalog {
  const document = raw as CatalogDocument;
  if (typeof document !== "object" || document === null || !Array.isArray(document.apis) || typeof document.actions !== "object" || typeof document.presets !== "object") {
    throw new CatalogError("the catalog must be an object with actions, apis and presets");
  }
  const actions = { ...CLAVIS_ACTIONS, ...document.actions };
  for (const [name, action] of Object.entries(actions)) {
    if (!ACTION_NAME.test(name)) throw new CatalogError(`action "${name}" must be lower-case letters, digits, - or _`);
    if (!isText(action?.title)) throw new CatalogError(`action "${name}" needs a title with en and sv`);
    for (const implied of action.implies ?? []) {
      if (actions[implied] === undefined) throw new CatalogError(`action "${name}" implies unknown action "${implied}"`);
    }
  }
  const ownNames = new Set(CLAVIS_APIS.map((api) => api.name));
  const apiDocuments = [...document.apis.filter((api) => !ownNames.has(api?.name)), ...CLAVIS_APIS];
  const seen = new Set<string>();
  const apis: CatalogApi[] = apiDocuments.map((api, i) => {
    if (typeof api?.name !== "string" || !API_NAME.test(api.name)) throw new CatalogError(`apis[${i}].name must be lower-case letters, digits and dashes`);
    if (isSystemOnly(api.name)) throw new CatalogError(`API name "${api.name}" is reserved for Clavis's system clients`);
    if (seen.has(api.name)) throw new CatalogError(`API "${api.name}" is declared twice`);
    seen.add(api.name);
    if (!isText(api.title)) throw new CatalogError(`API "${api.name}" needs a title with en and sv`);
    if (!Array.isArray(api.actions) || api.actions.length === 0) throw new CatalogError(`API "${api.name}" needs at least one action`);
    return {
      name: api.name,
      title: api.title,
      actions: api.actions.map((action) => {
        const declared = actions[action];
        if (declared === undefined) throw new CatalogError(`API "${api.name}" lists undeclared action "${action}"`);
        const implies = (declared.implies ?? []).filter((implied) => api.actions.includes(implied)).map((implied) => `${api.name}.${implied}`);
        return { name: action, title: declared.title, permission: `${api.name}.${action}`, implies };
      }),
    };
  });
  const presets = PRESET_NAMES.map((name) => {
    const preset = document.presets[name];
    if (preset === undefined || !isText(preset.title)) throw new CatalogError(`preset "${name}" is missing or has no title with en and sv`);
    if (preset.actions !== "*" && !(Array.isArray(preset.actions) && preset.actions.every((action) => actions[action] !== undefined))) {
      throw new CatalogError(`preset "${name}" must list declared actions or "*"`);
    }
    return { name, title: preset.title, actions: preset.actions };
  });
  const permissions = apis.flatMap((api) => api.actions.map((action) => action.permission));
  return { apis, presets, permissions, implies: transitiveImplications(apis) };
}

function transitiveImplications(apis: CatalogApi[]): Map<string, string[]> {
  const direct = new Map(apis.flatMap((api) => api.actions.map((action) => [action.permission, action.implies] as const)));
  const closure = new Map<string, string[]>();
  for (const permission of direct.keys()) {
    const found = new Set<string>();
    const queue = [...(direct.get(permission) ?? [])];
    while (queue.length > 0) {
      const next = queue.pop() as string;
      if (found.has(next) || next === permission) continue;
      found.add(next);
      queue.push(...(direct.get(next) ?? []));
    }
    closure.set(permission, [...found]);
  }
  return closure;
}
