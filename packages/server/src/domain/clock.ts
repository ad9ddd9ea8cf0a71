/** Wire timestamps: ISO-8601 UTC with milliseconds, as Scale sends them. */
export function iso(ms: number): string {
  return new Date(ms).toISOString();
}
