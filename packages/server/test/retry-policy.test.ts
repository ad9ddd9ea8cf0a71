import { describe, expect, it } from 'vitest';
import { backoffMs, defaultRetryPolicy, judge, nextStep, retryAfterMs } from '../src/delivery/retry-policy.js';
import { sign, signedHeaders, verify } from '../src/delivery/signing.js';

describe('retry policy', () => {
  it('spreads 20 tries over about a day by default', () => {
    let total = 0;
    for (let attempt = 1; attempt < defaultRetryPolicy.maxAttempts; attempt++) total += backoffMs(defaultRetryPolicy, attempt, () => 0.5);
    const hours = total / 3_600_000;
    expect(defaultRetryPolicy.maxAttempts).toBeGreaterThanOrEqual(20);
    expect(hours).toBeGreaterThan(22);
    expect(hours).toBeLessThan(27);
  });

  it('doubles from the first delay, keeps jitter within bounds, and caps', () => {
    const policy = { maxAttempts: 10, initialDelayMs: 1000, maxDelayMs: 5000, jitter: 0.2 };
    expect(backoffMs(policy, 1, () => 0.5)).toBe(1000);
    expect(backoffMs(policy, 2, () => 0.5)).toBe(2000);
    expect(backoffMs(policy, 5, () => 0.5)).toBe(5000);
    expect(backoffMs(policy, 1, () => 0)).toBe(800);
    expect(backoffMs(policy, 1, () => 1)).toBe(1200);
  });

  it('judges outcomes as Scale’s receivers expect', () => {
    expect(judge(200)).toBe('delivered');
    expect(judge(204)).toBe('delivered');
    for (const status of [null, 408, 429, 500, 502, 503]) expect(judge(status)).toBe('retry');
    for (const status of [301, 302, 400, 401, 403, 404, 410, 422]) expect(judge(status)).toBe('final');
  });

  it('honours Retry-After in seconds or as a date, and fails after the last try', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryAfterMs('7', now)).toBe(7000);
    expect(retryAfterMs('Thu, 01 Jan 2026 00:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('soon', now)).toBeUndefined();
    const policy = { maxAttempts: 3, initialDelayMs: 100, maxDelayMs: 60_000, jitter: 0 };
    expect(nextStep(policy, 1, 429, now, 7000)).toEqual({ status: 'pending', nextAttemptAt: now + 7000 });
    expect(nextStep(policy, 1, 500, now)).toEqual({ status: 'pending', nextAttemptAt: now + 100 });
    expect(nextStep(policy, 3, 500, now).status).toBe('failed');
    expect(nextStep(policy, 1, 400, now).status).toBe('failed');
    expect(nextStep(policy, 1, 200, now).status).toBe('delivered');
  });
});

describe('Standard Webhooks signatures', () => {
  // The example from the Standard Webhooks specification.
  const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
  const id = 'msg_p5jXN8AQM9LWM0D4loKWxJek';
  const timestamp = 1614265330;
  const body = '{"test": 2432232314}';

  it('matches the specification’s test vector', () => {
    expect(sign(secret, id, timestamp, body)).toBe('g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  it('verifies, rejects tampering and stale timestamps, and accepts any of several signatures', () => {
    const headers = signedHeaders(['whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=', secret], id, timestamp, body);
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(verify(secret, headers, body, 300, timestamp + 10)).toBe(true);
    expect(verify(secret, headers, body.replace('2', '3'), 300, timestamp)).toBe(false);
    expect(verify(secret, headers, body, 300, timestamp + 301)).toBe(false);
  });
});
