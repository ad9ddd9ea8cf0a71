import { z } from 'zod';

/** Free-form customer metadata: always a JSON object. */
export const Metadata = z.record(z.string(), z.unknown()).meta({ id: 'Metadata' });
export type Metadata = z.infer<typeof Metadata>;

/** ISO-8601 UTC timestamp with milliseconds, as Scale sends them. */
export const Timestamp = z.string().meta({ description: 'ISO-8601 UTC, e.g. 2026-01-01T12:00:00.000Z' });

/** A query-string boolean: Python sends True/False, JavaScript true/false. */
export const QueryBoolean = z.preprocess((v) => {
  const s = Array.isArray(v) ? v[v.length - 1] : v;
  if (typeof s === 'string') {
    const lower = s.toLowerCase();
    if (lower === 'true' || lower === '1') return true;
    if (lower === 'false' || lower === '0' || lower === '') return false;
  }
  return s;
}, z.boolean());

/** A query value that may come once, repeated, or comma-joined. */
export function queryList<T extends z.ZodType>(item: T) {
  return z.preprocess((v) => {
    if (v === undefined || v === '') return undefined;
    const values = Array.isArray(v) ? v : [v];
    return values.flatMap((x) => (typeof x === 'string' ? x.split(',') : [x])).filter((x) => x !== '');
  }, z.array(item).optional());
}

/** A query value that may come repeated; the last one wins. */
export function querySingle<T extends z.ZodType>(item: T) {
  return z.preprocess((v) => {
    const s = Array.isArray(v) ? v[v.length - 1] : v;
    return s === '' ? undefined : s;
  }, item);
}

/**
 * Any ISO-8601 date or date-time; naive times are UTC (Python's `datetime.utcnow().isoformat()`).
 * Parsed to epoch milliseconds.
 */
export const QueryDate = querySingle(
  z
    .string()
    .transform((s, ctx) => {
      const naive = /^\d{4}-\d{2}-\d{2}T[\d:.]+$/.test(s);
      const ms = Date.parse(naive ? `${s}Z` : s);
      if (Number.isNaN(ms)) {
        ctx.addIssue({ code: 'custom', message: 'must be an ISO-8601 date, e.g. 2026-01-31 or 2026-01-31T12:00:00Z' });
        return z.NEVER;
      }
      return ms;
    })
    .optional(),
);

export const QueryLimit = querySingle(z.coerce.number().int().min(1).max(100).default(100));
export const QueryOffset = querySingle(z.coerce.number().int().min(0).default(0));

/** An http(s) URL. */
export const HttpUrl = z.string().refine((s) => {
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}, 'must be an http or https URL');

export const Tags = z.array(z.string().min(1).max(200)).max(100);
