/**
 * When to try a callback again. Pure: the worker feeds it outcomes and the clock.
 * Default: 20 tries over about a day (Scale's promise), backing off exponentially with jitter.
 */
export interface RetryPolicy {
  maxAttempts: number;
  initialDelayMs: number;
  maxDelayMs: number;
  /** Fraction of each delay drawn at random (0.2 = up to ±20%), so failed receivers are not hit in lockstep. */
  jitter: number;
}

export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 20,
  initialDelayMs: 30_000,
  maxDelayMs: 2 * 60 * 60 * 1000,
  jitter: 0.2,
};

export type AttemptVerdict = 'delivered' | 'retry' | 'final';

/** 2xx delivers; network errors, timeouts, 408, 429 and 5xx are worth another try; any other status is the receiver's final word. */
export function judge(statusCode: number | null): AttemptVerdict {
  if (statusCode === null) return 'retry';
  if (statusCode >= 200 && statusCode < 300) return 'delivered';
  if (statusCode === 408 || statusCode === 429 || statusCode >= 500) return 'retry';
  return 'final';
}

/** Delay before attempt `attempt + 1`, given that `attempt` tries (1-based) have failed. */
export function backoffMs(policy: RetryPolicy, attempt: number, random: () => number = Math.random): number {
  const base = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** (attempt - 1));
  const spread = base * policy.jitter;
  return Math.max(0, Math.round(base - spread + random() * 2 * spread));
}

/** `Retry-After` as seconds or an HTTP date, in ms from `now`; undefined when absent or unreadable. */
export function retryAfterMs(header: string | undefined, now: number): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

export interface NextStep {
  status: 'pending' | 'delivered' | 'failed';
  nextAttemptAt: number;
}

/**
 * What follows an attempt: delivered, failed for good, or pending again at a later time. A receiver's
 * Retry-After is honoured when it asks for longer than our backoff (capped by the policy's longest wait).
 */
export function nextStep(
  policy: RetryPolicy,
  attempt: number,
  statusCode: number | null,
  now: number,
  retryAfter?: number,
  random?: () => number,
): NextStep {
  const verdict = judge(statusCode);
  if (verdict === 'delivered') return { status: 'delivered', nextAttemptAt: now };
  if (verdict === 'final' || attempt >= policy.maxAttempts) return { status: 'failed', nextAttemptAt: now };
  const wait = Math.max(backoffMs(policy, attempt, random), Math.min(retryAfter ?? 0, policy.maxDelayMs));
  return { status: 'pending', nextAttemptAt: now + wait };
}
