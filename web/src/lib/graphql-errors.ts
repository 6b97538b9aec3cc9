import { CombinedGraphQLErrors } from "@apollo/client";

export interface AppErrorInfo {
  code: string;
  message: string;
  /** Field errors from BAD_USER_INPUT, e.g. { field: "allowedIps[2]", message: "…" }. */
  fields: { field: string; message: string }[];
}

/** One shape for every failure the UI shows: GraphQL errors keep code and fields. */
export function toAppError(error: unknown): AppErrorInfo {
  if (CombinedGraphQLErrors.is(error)) {
    const [first] = error.errors;
    const extensions = (first?.extensions ?? {}) as { code?: string; fields?: AppErrorInfo["fields"] };
    return { code: extensions.code ?? "ERROR", message: first?.message ?? error.message, fields: extensions.fields ?? [] };
  }
  return { code: "NETWORK", message: error instanceof Error ? error.message : String(error), fields: [] };
}

/** Runs a mutation; resolves with data, or with the error to show. */
export async function attempt<T>(run: () => Promise<{ data?: T | null }>): Promise<{ data: T } | { error: AppErrorInfo }> {
  try {
    const result = await run();
    if (result.data == null) return { error: { code: "ERROR", message: "No data", fields: [] } };
    return { data: result.data };
  } catch (error) {
    return { error: toAppError(error) };
  }
}

export function fieldError(error: AppErrorInfo | null, field: string): string | undefined {
  return error?.fields.find((candidate) => candidate.field === field)?.message;
}
