import { CombinedGraphQLErrors, ServerError } from "@apollo/client";
import { currentLanguage, hasMessage, translate } from "./i18n";

type Params = Record<string, string | number>;

export interface FieldErrorInfo {
  field: string;
  /** In the current language. */
  message: string;
  reason?: string;
  params?: Params;
}

export interface AppErrorInfo {
  code: string;
  /** In the current language: from the reason, or a generic text for the code. */
  message: string;
  reason?: string;
  params?: Params;
  /** Field errors from BAD_USER_INPUT, e.g. { field: "allowedIps[2]", message: "…" }, translated. */
  fields: FieldErrorInfo[];
}

interface WireField {
  field: string;
  message: string;
  reason?: string;
  params?: Params;
}

interface WireExtensions {
  code?: string;
  reason?: string;
  params?: Params;
  fields?: WireField[];
}

/**
 * The text of a reason in the current language, filled from its parameters. An unknown reason
 * (a newer server) falls back to the code's generic text, never to the server's English.
 */
export function errorText(reason: string | undefined, params: Params = {}, code = "ERROR"): string {
  const language = currentLanguage();
  for (const candidate of [reason, code, "ERROR"]) {
    const key = `error.${candidate}`;
    if (candidate !== undefined && hasMessage(key)) return translate(language, key, params);
  }
  return translate(language, "error.ERROR");
}

/** A field error (from the server, or from the shared rules run as the owner types) in the current language. */
export function fieldErrorText(error: { reason?: string; params?: Params }): string {
  return errorText(error.reason, error.params ?? {}, "BAD_USER_INPUT");
}

/** One shape for every failure the UI shows: GraphQL errors keep code and fields, with texts translated. */
export function toAppError(error: unknown): AppErrorInfo {
  if (CombinedGraphQLErrors.is(error)) return fromExtensions((error.errors[0]?.extensions ?? {}) as WireExtensions);
  // A GraphQL answer with an HTTP error status and plain JSON (a 429, say) arrives as a ServerError.
  if (ServerError.is(error)) return fromExtensions(extensionsIn(error.bodyText) ?? { code: error.statusCode >= 500 ? "INTERNAL_SERVER_ERROR" : "ERROR" });
  return { code: "NETWORK", message: errorText("NETWORK"), fields: [] };
}

function fromExtensions(extensions: WireExtensions): AppErrorInfo {
  const code = extensions.code ?? "ERROR";
  const fields = (extensions.fields ?? []).map((field) => ({ field: field.field, reason: field.reason, params: field.params, message: fieldErrorText(field) }));
  return { code, reason: extensions.reason, params: extensions.params, message: errorText(extensions.reason, extensions.params ?? {}, code), fields };
}

function extensionsIn(bodyText: string): WireExtensions | null {
  try {
    const body = JSON.parse(bodyText) as { errors?: { extensions?: WireExtensions }[] };
    return body.errors?.[0]?.extensions ?? null;
  } catch {
    return null;
  }
}

/** Runs a mutation; resolves with data, or with the error to show. */
export async function attempt<T>(run: () => Promise<{ data?: T | null }>): Promise<{ data: T } | { error: AppErrorInfo }> {
  try {
    const result = await run();
    if (result.data == null) return { error: { code: "ERROR", message: errorText("ERROR"), fields: [] } };
    return { data: result.data };
  } catch (error) {
    return { error: toAppError(error) };
  }
}

export function fieldError(error: AppErrorInfo | null, field: string): string | undefined {
  return error?.fields.find((candidate) => candidate.field === field)?.message;
}
