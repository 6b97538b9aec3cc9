import type { CatalogApi, RolePreset } from "./api-clients.graphql";

/** The APIs a client may use: all, or those in its scopes. */
export function visibleApis(apis: CatalogApi[], scopes: string[] | null): CatalogApi[] {
  return scopes === null ? apis : apis.filter((api) => scopes.includes(api.name));
}

/**
 * One column per action, in an order every API agrees with: a new action goes just before the
 * next action its API lists, else at the end (View, Create, Change, Execute, …).
 */
export function actionColumns(apis: CatalogApi[]): { name: string; title: CatalogApi["title"] }[] {
  const columns: { name: string; title: CatalogApi["title"] }[] = [];
  for (const api of apis) {
    api.actions.forEach((action, i) => {
      if (columns.some((column) => column.name === action.name)) return;
      const next = api.actions.slice(i + 1).map((later) => columns.findIndex((column) => column.name === later.name)).find((index) => index !== -1);
      columns.splice(next ?? columns.length, 0, { name: action.name, title: action.title });
    });
  }
  return columns;
}

function impliesMap(apis: CatalogApi[]): Map<string, string[]> {
  return new Map(apis.flatMap((api) => api.actions.map((action) => [action.permission, action.implies] as const)));
}

function closure(start: string, next: (permission: string) => string[]): Set<string> {
  const found = new Set<string>();
  const queue = [start];
  while (queue.length > 0) {
    const permission = queue.pop() as string;
    if (found.has(permission)) continue;
    found.add(permission);
    queue.push(...next(permission));
  }
  return found;
}

/** Ticking adds what it implies (Change ticks View); unticking removes what implies it. */
export function togglePermission(apis: CatalogApi[], selected: string[], permission: string, checked: boolean): string[] {
  const implies = impliesMap(apis);
  if (checked) {
    const added = closure(permission, (p) => implies.get(p) ?? []);
    return order(apis, [...new Set([...selected, ...added])]);
  }
  const impliedBy = (p: string) => [...implies].filter(([, implied]) => implied.includes(p)).map(([candidate]) => candidate);
  const removed = closure(permission, impliedBy);
  return selected.filter((p) => !removed.has(p));
}

export function order(apis: CatalogApi[], permissions: string[]): string[] {
  return apis.flatMap((api) => api.actions.map((action) => action.permission)).filter((permission) => permissions.includes(permission));
}

export function allOf(apis: CatalogApi[]): string[] {
  return apis.flatMap((api) => api.actions.map((action) => action.permission));
}

export function presetSelection(preset: RolePreset, apis: CatalogApi[]): string[] {
  return order(apis, preset.permissions.filter((permission) => allOf(apis).includes(permission)));
}

/** The preset whose permissions over these APIs equal the selection, if any. */
export function matchingPreset(presets: RolePreset[], apis: CatalogApi[], selected: string[]): RolePreset | null {
  if (selected.length === 0) return null;
  const key = [...selected].sort().join(" ");
  return presets.find((preset) => presetSelection(preset, apis).sort().join(" ") === key) ?? null;
}

/** Scope names as the catalog titles them; a scope the catalog no longer has keeps its name. */
export function scopeLabels(apis: CatalogApi[], scopes: string[], language: "en" | "sv"): string[] {
  return scopes.map((scope) => apis.find((api) => api.name === scope)?.title[language] ?? scope);
}
