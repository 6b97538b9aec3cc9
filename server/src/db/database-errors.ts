/** A one-line reason for a failed connection, without the URL (it may hold a password). */
export function describeDatabaseError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: string }).code;
  const message = error.message.split("\n")[0];
  return code !== undefined && !message.includes(code) ? `${code}: ${message}` : message;
}
