/**
 * How often to renew a lease: a third of what is left, so two heartbeats can fail before it ends,
 * never more than once every 5 seconds and at least once a minute.
 */
export function heartbeatDelay(expiresAt: string, now = Date.now()): number {
  const left = Date.parse(expiresAt) - now;
  if (!Number.isFinite(left)) return 30_000;
  return Math.max(5_000, Math.min(60_000, Math.floor(left / 3)));
}

export const skipReasons = ['Image failed to load', 'Instructions are unclear', 'Cannot be labelled (content is unusable)', 'Other'] as const;
